using System.Globalization;
using System.Text;

namespace SentinelAiPack.Engine.Output;

/// <summary>
/// Making attacker-written text (log values, red-team prompts) safe where it is printed: in a terminal, control and
/// format characters (newlines, escape sequences, bidi overrides, zero-width and tag characters) are shown as escapes so
/// they can neither break the layout nor reorder or hide what is shown; in CSV, fields are quoted as RFC 4180 says.
/// </summary>
public static class TextEscaping
{
    /// <summary>The text with control and format characters and lone surrogates escaped (<c>\n</c>, <c>\u202e</c>, <c>\U000e0041</c>).</summary>
    public static string ForTerminal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escaped = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format)
                {
                    escaped = $"\\U{codePoint:x8}";
                }
                else
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                builder.Append(escaped);
                i++;
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                escaped = c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" };
            }
            if (escaped is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            builder.Append(escaped);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary><see cref="ForTerminal"/>, then cut to <paramref name="max"/> characters with "..." (never between a surrogate pair).</summary>
    public static string Excerpt(string text, int max)
    {
        var escaped = ForTerminal(text);
        if (escaped.Length <= Math.Max(max, 4))
        {
            return escaped;
        }
        var cut = Math.Max(1, max - 3);
        if (char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }
        return escaped[..cut] + "...";
    }

    /// <summary>A CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.</summary>
    public static string CsvField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
