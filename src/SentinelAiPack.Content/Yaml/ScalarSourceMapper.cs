namespace SentinelAiPack.Content.Yaml;

/// <summary>
/// Re-scans the source text of a scalar the way YAML reads it and records, for every character of the value,
/// the file offset it came from. The result is only trusted when the re-scan reproduces the parser's value
/// exactly; otherwise <see cref="Map"/> returns null and callers fall back to the scalar's start.
/// </summary>
internal static class ScalarSourceMapper
{
    /// <summary>Offsets for each character of <paramref name="scalar"/>'s value plus one for the end, or null.</summary>
    /// <param name="parentIndent">Indentation (in spaces) of the node that owns the scalar, e.g. 0 for a top-level key.</param>
    public static int[]? Map(string text, YamlScalar scalar, int parentIndent)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar.StartOffset < 0 || scalar.EndOffset > text.Length || scalar.StartOffset > scalar.EndOffset)
        {
            return null;
        }
        return scalar.Style switch
        {
            YamlScalarStyle.Literal or YamlScalarStyle.Folded => MapBlock(text, scalar, parentIndent),
            YamlScalarStyle.Plain => Verify(MapFlow(text, scalar.StartOffset, scalar.EndOffset, FlowKind.Plain), scalar.Value),
            YamlScalarStyle.SingleQuoted => Verify(MapFlow(text, scalar.StartOffset + 1, scalar.EndOffset - 1, FlowKind.SingleQuoted), scalar.Value),
            YamlScalarStyle.DoubleQuoted => Verify(MapFlow(text, scalar.StartOffset + 1, scalar.EndOffset - 1, FlowKind.DoubleQuoted), scalar.Value),
            _ => null,
        };
    }

    private enum FlowKind
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
    }

    /// <summary>Characters of a value being rebuilt, each with the file offset it came from.</summary>
    private sealed class ValueBuilder(int fallbackEnd)
    {
        public List<char> Chars { get; } = [];

        public List<int> Offsets { get; } = [];

        public void Add(char c, int offset)
        {
            Chars.Add(c);
            Offsets.Add(offset);
        }

        public int[] ToOffsets()
        {
            var result = new int[Offsets.Count + 1];
            Offsets.CopyTo(result);
            result[^1] = Offsets.Count > 0 ? Offsets[^1] + 1 : fallbackEnd;
            return result;
        }

        public bool Matches(string value)
        {
            if (Chars.Count != value.Length)
            {
                return false;
            }
            for (var i = 0; i < value.Length; i++)
            {
                if (Chars[i] != value[i])
                {
                    return false;
                }
            }
            return true;
        }
    }

    private static int[]? Verify(ValueBuilder? builder, string value) =>
        builder is not null && builder.Matches(value) ? builder.ToOffsets() : null;

    private static int BreakLength(string text, int index) => LineMap.BreakLength(text, index);

    /// <summary>The character a line break stands for in a value: LS/PS stay themselves, every other break is a line feed.</summary>
    private static char BreakChar(string text, int index) => text[index] is '\u2028' or '\u2029' ? text[index] : '\n';

    private static bool IsWhite(char c) => c is ' ' or '\t';

    // ---- block scalars (| and >) ----

    private sealed record BlockLine(bool IsEmpty, int TextStart, int TextEnd, int BreakOffset, bool IsSpaced);

    private static int[]? MapBlock(string text, YamlScalar scalar, int parentIndent)
    {
        var pos = scalar.StartOffset;
        while (pos < text.Length && text[pos] != '|' && text[pos] != '>')
        {
            if (BreakLength(text, pos) > 0)
            {
                return null;
            }
            pos++;
        }
        if (pos >= text.Length)
        {
            return null;
        }
        var folded = text[pos] == '>';
        pos++;
        var chomp = ' ';
        var explicitIndent = 0;
        for (var k = 0; k < 2 && pos < text.Length; k++)
        {
            var c = text[pos];
            if (c is '-' or '+')
            {
                chomp = c;
                pos++;
            }
            else if (c is >= '1' and <= '9')
            {
                explicitIndent = c - '0';
                pos++;
            }
            else
            {
                break;
            }
        }
        while (pos < text.Length && BreakLength(text, pos) == 0)
        {
            pos++;
        }
        pos += BreakLength(text, pos);
        var contentStart = pos;

        var candidates = new List<int>();
        if (explicitIndent > 0)
        {
            candidates.Add(parentIndent + explicitIndent);
            // The owner's indentation is not always known to the caller (e.g. inside sequences); the value check picks the right one.
            for (var extra = 0; extra <= 16; extra++)
            {
                candidates.Add(explicitIndent + extra);
            }
        }
        else
        {
            candidates.Add(DetectIndent(text, contentStart, parentIndent));
        }
        foreach (var indent in candidates.Distinct())
        {
            var builder = BuildBlock(text, contentStart, indent, folded, chomp);
            if (builder.Matches(scalar.Value))
            {
                return builder.ToOffsets();
            }
        }
        return null;
    }

    private static int DetectIndent(string text, int contentStart, int parentIndent)
    {
        var p = contentStart;
        var maxBlank = 0;
        while (p < text.Length)
        {
            var spaces = 0;
            while (p + spaces < text.Length && text[p + spaces] == ' ')
            {
                spaces++;
            }
            var q = p + spaces;
            if (q >= text.Length)
            {
                maxBlank = Math.Max(maxBlank, spaces);
                break;
            }
            var breakLength = BreakLength(text, q);
            if (breakLength > 0)
            {
                maxBlank = Math.Max(maxBlank, spaces);
                p = q + breakLength;
                continue;
            }
            return spaces;
        }
        return Math.Max(maxBlank, parentIndent + 1);
    }

    private static ValueBuilder BuildBlock(string text, int contentStart, int indent, bool folded, char chomp)
    {
        var lines = new List<BlockLine>();
        var p = contentStart;
        while (p < text.Length)
        {
            var spaces = 0;
            while (p + spaces < text.Length && text[p + spaces] == ' ')
            {
                spaces++;
            }
            var q = p + spaces;
            var lineEnd = q;
            while (lineEnd < text.Length && BreakLength(text, lineEnd) == 0)
            {
                lineEnd++;
            }
            var isBlank = q == lineEnd;
            if (!isBlank && spaces < indent)
            {
                break;
            }
            var breakLength = BreakLength(text, lineEnd);
            var breakOffset = breakLength > 0 ? lineEnd : -1;
            if (isBlank && spaces <= indent)
            {
                lines.Add(new BlockLine(true, q, q, breakOffset, false));
            }
            else
            {
                var textStart = p + indent;
                lines.Add(new BlockLine(false, textStart, lineEnd, breakOffset, textStart < lineEnd && IsWhite(text[textStart])));
            }
            if (breakLength == 0)
            {
                break;
            }
            p = lineEnd + breakLength;
        }

        var builder = new ValueBuilder(contentStart);
        var firstContent = lines.FindIndex(line => !line.IsEmpty);
        if (firstContent < 0)
        {
            if (chomp == '+')
            {
                foreach (var line in lines.Where(line => line.BreakOffset >= 0))
                {
                    builder.Add(BreakChar(text, line.BreakOffset), line.BreakOffset);
                }
            }
            return builder;
        }
        var lastContent = lines.FindLastIndex(line => !line.IsEmpty);
        for (var i = 0; i < firstContent; i++)
        {
            if (lines[i].BreakOffset >= 0)
            {
                builder.Add(BreakChar(text, lines[i].BreakOffset), lines[i].BreakOffset);
            }
        }
        var index = firstContent;
        while (true)
        {
            var line = lines[index];
            for (var c = line.TextStart; c < line.TextEnd; c++)
            {
                builder.Add(text[c], c);
            }
            if (index == lastContent)
            {
                break;
            }
            var next = index + 1;
            while (lines[next].IsEmpty)
            {
                next++;
            }
            var foldToSpace = folded && !line.IsSpaced && !lines[next].IsSpaced;
            if (foldToSpace && next == index + 1)
            {
                builder.Add(' ', line.BreakOffset);
            }
            else
            {
                if (!foldToSpace)
                {
                    builder.Add(BreakChar(text, line.BreakOffset), line.BreakOffset);
                }
                for (var m = index + 1; m < next; m++)
                {
                    builder.Add(BreakChar(text, lines[m].BreakOffset), lines[m].BreakOffset);
                }
            }
            index = next;
        }
        var last = lines[lastContent];
        if (chomp != '-' && last.BreakOffset >= 0)
        {
            builder.Add(BreakChar(text, last.BreakOffset), last.BreakOffset);
            if (chomp == '+')
            {
                for (var m = lastContent + 1; m < lines.Count; m++)
                {
                    if (lines[m].BreakOffset >= 0)
                    {
                        builder.Add(BreakChar(text, lines[m].BreakOffset), lines[m].BreakOffset);
                    }
                }
            }
        }
        return builder;
    }

    // ---- flow scalars (plain, '...' and "...") ----

    private readonly record struct Pending(char Char, int Offset, bool IsRawWhite);

    private static ValueBuilder? MapFlow(string text, int start, int end, FlowKind kind)
    {
        if (start > end)
        {
            return null;
        }
        var builder = new ValueBuilder(start);
        var line = new List<Pending>();
        var p = start;
        while (p < end)
        {
            var breakLength = BreakLength(text, p);
            if (breakLength > 0)
            {
                // A raw line break folds: whitespace around it goes, then one space or one line feed per empty line.
                while (line.Count > 0 && line[^1].IsRawWhite)
                {
                    line.RemoveAt(line.Count - 1);
                }
                Flush(line, builder);
                var breakOffset = p;
                p += breakLength;
                var emptyBreaks = SkipEmptyLines(text, ref p, end);
                if (emptyBreaks.Count == 0)
                {
                    builder.Add(' ', breakOffset);
                }
                foreach (var emptyBreak in emptyBreaks)
                {
                    builder.Add(BreakChar(text, emptyBreak), emptyBreak);
                }
                continue;
            }
            var c = text[p];
            if (kind == FlowKind.DoubleQuoted && c == '\\')
            {
                if (p + 1 >= end)
                {
                    return null;
                }
                var escapedBreak = BreakLength(text, p + 1);
                if (escapedBreak > 0)
                {
                    // An escaped line break joins the lines without a space; empty lines after it still count.
                    Flush(line, builder);
                    p += 1 + escapedBreak;
                    foreach (var emptyBreak in SkipEmptyLines(text, ref p, end))
                    {
                        builder.Add(BreakChar(text, emptyBreak), emptyBreak);
                    }
                    continue;
                }
                var consumed = DecodeEscape(text, p, end, line);
                if (consumed == 0)
                {
                    return null;
                }
                p += consumed;
                continue;
            }
            if (kind == FlowKind.SingleQuoted && c == '\'' && p + 1 < end && text[p + 1] == '\'')
            {
                line.Add(new Pending('\'', p, false));
                p += 2;
                continue;
            }
            line.Add(new Pending(c, p, IsWhite(c)));
            p++;
        }
        Flush(line, builder);
        return builder;
    }

    private static void Flush(List<Pending> line, ValueBuilder builder)
    {
        foreach (var pending in line)
        {
            builder.Add(pending.Char, pending.Offset);
        }
        line.Clear();
    }

    /// <summary>Skips leading whitespace of the next line and any whitespace-only lines; returns the breaks of those empty lines.</summary>
    private static List<int> SkipEmptyLines(string text, ref int p, int end)
    {
        var breaks = new List<int>();
        while (true)
        {
            var q = p;
            while (q < end && IsWhite(text[q]))
            {
                q++;
            }
            var breakLength = q < end ? BreakLength(text, q) : 0;
            if (breakLength == 0)
            {
                p = q;
                return breaks;
            }
            breaks.Add(q);
            p = q + breakLength;
        }
    }

    /// <summary>Decodes the escape at <paramref name="p"/> into <paramref name="line"/>; returns the characters consumed, 0 when invalid.</summary>
    private static int DecodeEscape(string text, int p, int end, List<Pending> line)
    {
        var code = text[p + 1];
        char? simple = code switch
        {
            '0' => '\0', 'a' => '\a', 'b' => '\b', 't' or '\t' => '\t', 'n' => '\n', 'v' => '\v', 'f' => '\f',
            'r' => '\r', 'e' => '\u001b', ' ' => ' ', '"' => '"', '/' => '/', '\\' => '\\', 'N' => '\u0085',
            '_' => '\u00a0', 'L' => '\u2028', 'P' => '\u2029',
            _ => null,
        };
        if (simple is { } value)
        {
            line.Add(new Pending(value, p, false));
            return 2;
        }
        var digits = code switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0 || p + 2 + digits > end)
        {
            return 0;
        }
        if (!int.TryParse(text.AsSpan(p + 2, digits), System.Globalization.NumberStyles.HexNumber, null, out var codePoint) ||
            codePoint < 0 || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF && digits == 8)
        {
            return 0;
        }
        foreach (var unit in char.ConvertFromUtf32(codePoint is >= 0xD800 and <= 0xDFFF ? 0xFFFD : codePoint))
        {
            line.Add(new Pending(unit, p, false));
        }
        return 2 + digits;
    }
}
