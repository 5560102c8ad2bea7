using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Yaml;

/// <summary>
/// A YAML node that remembers where it came from. <see cref="StartOffset"/>/<see cref="EndOffset"/> are
/// character offsets into the file text; <see cref="Start"/> is the 1-based line/column YamlDotNet reported.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(SourcePosition start, SourcePosition end, int startOffset, int endOffset)
    {
        Start = start;
        End = end;
        StartOffset = startOffset;
        EndOffset = endOffset;
    }

    public SourcePosition Start { get; }

    public SourcePosition End { get; }

    public int StartOffset { get; }

    public int EndOffset { get; }

    /// <summary>How the node is named in messages: "text", "list" or "mapping".</summary>
    public abstract string KindName { get; }

    /// <summary>The start of the node; the length covers the node when it ends on the same line.</summary>
    public SourceSpan Span =>
        new(Start.Line, Start.Column, End.Line == Start.Line ? Math.Max(0, End.Column - Start.Column) : 0);
}

public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(string value, YamlScalarStyle style, string? tag, SourcePosition start, SourcePosition end, int startOffset, int endOffset)
        : base(start, end, startOffset, endOffset)
    {
        Value = value;
        Style = style;
        Tag = tag;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public string? Tag { get; }

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value (YAML core schema null), e.g. <c>relevantTechniques:</c> with nothing after it.</summary>
    public bool IsNull =>
        Style == YamlScalarStyle.Plain && Tag is null or "tag:yaml.org,2002:null" &&
        Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "text";
}

public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(IReadOnlyList<YamlNode> items, SourcePosition start, SourcePosition end, int startOffset, int endOffset)
        : base(start, end, startOffset, endOffset) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string KindName => "list";
}

/// <summary>One key/value pair of a mapping. Keys are scalars (a complex key is reported and skipped by the reader).</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(IReadOnlyList<YamlEntry> entries, SourcePosition start, SourcePosition end, int startOffset, int endOffset)
        : base(start, end, startOffset, endOffset) => Entries = entries;

    /// <summary>Entries in file order; duplicate keys are already removed (the first one is kept).</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>The entry whose key equals <paramref name="key"/> (ordinal, case-insensitive when asked).</summary>
    public YamlEntry? Find(string key, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, comparison))
            {
                return entry;
            }
        }
        return null;
    }

    public override string KindName => "mapping";
}
