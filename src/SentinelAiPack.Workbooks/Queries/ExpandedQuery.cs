namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// A spec query after parameter expansion, with the way back: <see cref="SourceOffset"/> turns an offset in
/// <see cref="Text"/> into the offset in the spec's query of the character it came from. Characters of a replacement
/// map to the start of the reference they replace; a generated prelude maps to the start of the query.
/// </summary>
public sealed class ExpandedQuery
{
    private readonly int[] _sourceOffsets;

    internal ExpandedQuery(string text, int[] sourceOffsets, int sourceLength)
    {
        Text = text;
        _sourceOffsets = sourceOffsets;
        SourceLength = sourceLength;
    }

    public string Text { get; }

    /// <summary>Length of the spec query the text was expanded from.</summary>
    public int SourceLength { get; }

    public int SourceOffset(int expandedOffset) =>
        expandedOffset >= _sourceOffsets.Length ? SourceLength : _sourceOffsets[Math.Max(0, expandedOffset)];

    /// <summary>The source range [start, end) an expanded range came from.</summary>
    public (int Start, int Length) SourceRange(int expandedOffset, int length)
    {
        var start = SourceOffset(expandedOffset);
        var end = length <= 0 ? start : SourceOffset(expandedOffset + length - 1) + 1;
        return (start, Math.Max(0, Math.Min(end, SourceLength) - start));
    }

    public override string ToString() => Text;
}
