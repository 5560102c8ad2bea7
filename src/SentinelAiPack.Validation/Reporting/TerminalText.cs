using System.Globalization;
using System.Text;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Makes attacker-controlled text safe to print on a terminal: control characters, bidi overrides, invisible
/// Unicode tag characters and lone surrogates are shown as <c>\u{XXXX}</c> escapes instead of acting on the display.
/// </summary>
public static class TerminalText
{
    public static string Sanitize(string text)
    {
        StringBuilder? builder = null;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var value = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (IsUnsafe(value))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append("\\u{").Append(value.ToString("X4", CultureInfo.InvariantCulture)).Append('}');
            }
            else
            {
                builder?.Append(text, i, width);
            }
            i += width;
        }
        return builder?.ToString() ?? text;
    }

    private static bool IsUnsafe(int v) =>
        (v < 0x20 && v != '\t')
        || (v >= 0x7F && v <= 0x9F)
        || (v >= 0x202A && v <= 0x202E)   // bidi embeddings and overrides
        || (v >= 0x2066 && v <= 0x2069)   // bidi isolates
        || v == 0x200E || v == 0x200F     // directional marks
        || (v >= 0xD800 && v <= 0xDFFF)   // a lone surrogate (pairs were combined above)
        || (v >= 0xE0000 && v <= 0xE007F) // Unicode tag characters (ASCII smuggling)
        || v == 0xFEFF;
}
