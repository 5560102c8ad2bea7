namespace SentinelAiPack.Patterns.Model;

/// <summary>
/// When a match is a person discussing attacks rather than making one (patterns/meta-discussion.yaml): the app is on
/// the watchlist, or the text names an attack topic in a question or teaching frame, is at most MaxLength long, has
/// at most MaxFamilies families, and the matched phrase is quoted or the text is a short question.
/// </summary>
public sealed record MetaDiscussionRules
{
    public required string Watchlist { get; init; }

    public required int Score { get; init; }

    public required int MaxQuestionLength { get; init; }

    public required int MaxLength { get; init; }

    public required int MaxFamilies { get; init; }

    public required string Topic { get; init; }

    public required string Frame { get; init; }

    /// <summary>Regex on the 16 characters before the matched phrase that says it is quoted or cited (ends with $).</summary>
    public required string Quotes { get; init; }

    public required string FilePath { get; init; }
}

/// <summary>The generated parser's identity (patterns/library.yaml, parser:).</summary>
public sealed record ParserSettings(string Name, string Id, string Title, string Version, string LastUpdated);

/// <summary>The loaded library: every family, the library settings and what went wrong while reading.</summary>
public sealed record PatternLibrary(IReadOnlyList<PatternFamily> Families, ParserSettings? Parser, MetaDiscussionRules? Meta, IReadOnlyList<Content.Diagnostics.Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Content.Diagnostics.DiagnosticSeverity.Error);
}
