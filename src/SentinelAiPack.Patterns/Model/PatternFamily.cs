namespace SentinelAiPack.Patterns.Model;

/// <summary>One attack family of the pattern library: a file <c>patterns/&lt;family&gt;.yaml</c>.</summary>
public sealed record PatternFamily
{
    /// <summary>Family name as the parser's Family column shows it (PascalCase).</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The false-positive story: which benign texts look like the family and how the patterns avoid them.</summary>
    public required string FalsePositives { get; init; }

    /// <summary>Text sources the family applies to (<see cref="TextSources"/>).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Whether EncodedPayload re-runs this family's patterns on decoded text.</summary>
    public bool RecheckDecoded { get; init; }

    /// <summary>Regular expressions on the text, in the file's order.</summary>
    public IReadOnlyList<SignalPattern> Patterns { get; init; } = [];

    /// <summary>Regular expressions on the squashed text (letters only, leetspeak and look-alikes read as letters).</summary>
    public IReadOnlyList<SignalPattern> Squashed { get; init; } = [];

    /// <summary>Decoders the family runs (EncodedPayload only).</summary>
    public IReadOnlyList<string> Decoders { get; init; } = [];

    /// <summary>Score of a decoded text that matches a rechecked family (EncodedPayload only).</summary>
    public int DecodedScore { get; init; }

    /// <summary>Score of a decoded text that is readable prose but matches no family (EncodedPayload only).</summary>
    public int ReadableScore { get; init; }

    /// <summary>Score of a base16/base32/ascii85 blob that decodes to printable text without spaces (EncodedPayload only).</summary>
    public int PrintableScore { get; init; }

    /// <summary>Code-point thresholds (InvisibleUnicode only).</summary>
    public CodepointRules? Codepoints { get; init; }

    /// <summary>A flood of a few characters repeated (GoalHijack only): context stuffing that pushes instructions out.</summary>
    public FloodRules? Flood { get; init; }

    public IReadOnlyList<FamilyExample> Examples { get; init; } = [];

    /// <summary>The file the family came from.</summary>
    public required string FilePath { get; init; }

    /// <summary>Every candidate the family scores, best first (the parser keeps the first that matches).</summary>
    public IEnumerable<SignalPattern> PatternsByScore => Patterns.OrderByDescending(p => p.Score);
}

/// <summary>One named regular expression of a family, RE2 syntax, with the score a match gives (0-100).</summary>
public sealed record SignalPattern(string Name, int Score, string Regex, int Line);

/// <summary>An example text of a family file: an attack the family must flag, a benign text it must not, or a meta-discussion text it must score Informational.</summary>
public sealed record FamilyExample(ExampleExpectation Expect, string Source, string Text, int Line);

public enum ExampleExpectation
{
    Attack,
    Benign,
    Meta,
}

/// <summary>Thresholds of the InvisibleUnicode family: how many of each kind of invisible code point make a signal, and its score.</summary>
public sealed record CodepointRules(int TagMin, int TagScore, int VariationSelectorMin, int VariationSelectorScore, int BidiMin, int BidiScore, int ZeroWidthMin, int ZeroWidthScore, int CombiningMin, int CombiningScore);

/// <summary>A text of at least MinLength characters whose first 400 characters use at most MaxDistinctCharacters distinct characters.</summary>
public sealed record FloodRules(int MinLength, int MaxDistinctCharacters, int Score);

/// <summary>Where a text item comes from, as the parser's Source column names it.</summary>
public static class TextSources
{
    public const string UserPrompt = "UserPrompt";
    public const string Document = "Document";
    public const string ToolOutput = "ToolOutput";
    public const string ModelOutput = "ModelOutput";
    public const string KnowledgeBaseWrite = "KnowledgeBaseWrite";

    public static IReadOnlyList<string> All { get; } = [UserPrompt, Document, ToolOutput, ModelOutput, KnowledgeBaseWrite];
}
