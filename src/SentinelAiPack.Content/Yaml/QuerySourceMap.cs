using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Yaml;

/// <summary>
/// Maps an offset in a query string (the value of <c>query</c>, <c>ParserQuery</c> or <c>FunctionQuery</c>) to the
/// line and column in the YAML file the character came from, for every scalar style (literal, folded, plain,
/// quoted with escapes), CRLF files and any indentation. When the exact mapping cannot be rebuilt
/// (<see cref="IsExact"/> false), every offset maps to the start of the value.
/// </summary>
public sealed class QuerySourceMap
{
    private readonly int[] _fileOffsets;
    private readonly LineMap _lines;
    private readonly string _fileText;

    private QuerySourceMap(int[] fileOffsets, LineMap lines, string fileText, bool isExact)
    {
        _fileOffsets = fileOffsets;
        _lines = lines;
        _fileText = fileText;
        IsExact = isExact;
    }

    /// <summary>True when every character maps to its own place in the file.</summary>
    public bool IsExact { get; }

    /// <summary>The length of the query string this map covers.</summary>
    public int Length => _fileOffsets.Length - 1;

    /// <summary>Builds the map for <paramref name="scalar"/> in <paramref name="fileText"/>.</summary>
    /// <param name="parentIndent">Indentation of the mapping that holds the key (0 for top-level keys).</param>
    public static QuerySourceMap Create(string fileText, LineMap lines, YamlScalar scalar, int parentIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(scalar);
        var offsets = ScalarSourceMapper.Map(fileText, scalar, parentIndent);
        if (offsets is not null)
        {
            return new QuerySourceMap(offsets, lines, fileText, isExact: true);
        }
        var fallback = new int[scalar.Value.Length + 1];
        Array.Fill(fallback, scalar.StartOffset);
        return new QuerySourceMap(fallback, lines, fileText, isExact: false);
    }

    /// <summary>The offset in the file of the query character at <paramref name="queryOffset"/> (clamped to the query).</summary>
    public int GetFileOffset(int queryOffset) => _fileOffsets[Math.Clamp(queryOffset, 0, Length)];

    /// <summary>The 1-based line and column in the file of the query character at <paramref name="queryOffset"/>.</summary>
    public SourcePosition GetPosition(int queryOffset) => _lines.GetPosition(GetFileOffset(queryOffset));

    /// <summary>
    /// The file span of the query range [<paramref name="queryOffset"/>, +<paramref name="length"/>): its start,
    /// and a length in file characters when the range stays on one line (otherwise up to the end of that line).
    /// </summary>
    public SourceSpan GetSpan(int queryOffset, int length)
    {
        var start = Math.Clamp(queryOffset, 0, Length);
        var end = Math.Clamp(queryOffset + Math.Max(0, length), start, Length);
        var startOffset = _fileOffsets[start];
        var position = _lines.GetPosition(startOffset);
        if (end == start || !IsExact)
        {
            return new SourceSpan(position.Line, position.Column, 0);
        }
        var endOffset = _fileOffsets[end - 1] + 1;
        var endPosition = _lines.GetPosition(endOffset);
        var spanLength = endPosition.Line == position.Line
            ? endOffset - startOffset
            : _lines.GetLineEnd(position.Line, _fileText) - startOffset;
        return new SourceSpan(position.Line, position.Column, Math.Max(0, spanLength));
    }
}
