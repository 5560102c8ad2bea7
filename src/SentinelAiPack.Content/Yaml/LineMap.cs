using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Yaml;

/// <summary>
/// Converts character offsets of a text to 1-based line/column. Line breaks are the ones YamlDotNet counts
/// (LF, CRLF, CR, NEL, LS, PS) so positions agree with the parser's marks.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var breakLength = BreakLength(text, i);
            if (breakLength > 0)
            {
                i += breakLength - 1;
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>The length of the line break starting at <paramref name="index"/> (2 for CRLF), or 0 when there is none.</summary>
    public static int BreakLength(string text, int index)
    {
        if (index < 0 || index >= text.Length)
        {
            return 0;
        }
        return text[index] switch
        {
            '\r' => index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1,
            '\n' or '\u0085' or '\u2028' or '\u2029' => 1,
            _ => 0,
        };
    }

    public SourcePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The offset of the first character of a 1-based line.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];

    /// <summary>The offset just past the last character of a 1-based line (before its break).</summary>
    public int GetLineEnd(int line, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = GetLineStart(line);
        while (offset < text.Length && BreakLength(text, offset) == 0)
        {
            offset++;
        }
        return offset;
    }
}
