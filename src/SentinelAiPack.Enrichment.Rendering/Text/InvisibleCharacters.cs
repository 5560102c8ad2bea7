using System.Globalization;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Which code points a reader cannot see (or sees as something else): controls, every format character (Cf: zero-width
/// characters, bidi embeddings, overrides and isolates, invisible operators, the BOM, interlinear annotation),
/// variation selectors, Hangul and other fillers, private-use and unassigned code points. They can hide text from a
/// reader and split a secret so no pattern sees it, so the pipeline strips them before redaction and shows them after.
/// </summary>
internal static class InvisibleCharacters
{
    /// <summary>Unicode tag characters (U+E0000–U+E007F): the printable ones encode ASCII that no font shows.</summary>
    public static bool IsTag(int codePoint) => codePoint is >= 0xE0000 and <= 0xE007F;

    /// <summary>The ASCII character a printable tag character encodes, or null.</summary>
    public static char? TagAscii(int codePoint) => codePoint is >= 0xE0020 and <= 0xE007E ? (char)(codePoint - 0xE0000) : null;

    /// <summary>True for a code point that must not reach a reader as itself (tab and line breaks are handled before).</summary>
    public static bool IsHostile(int codePoint) => codePoint switch
    {
        >= 0x20 and < 0x7F => false,                    // printable ASCII: most of any text, decided without a table look-up
        < 0x20 or 0x7F => true,                          // C0 controls, DEL
        >= 0x80 and <= 0x9F => true,                    // C1 controls
        0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 => true,  // grapheme joiner, fillers, invisible vowels
        >= 0x180B and <= 0x180F => true,                // Mongolian variation selectors and vowel separator
        0x2028 or 0x2029 => true,                       // line/paragraph separators
        >= 0xFE00 and <= 0xFE0F => true,                // variation selectors
        >= 0xE0100 and <= 0xE01EF => true,              // supplementary variation selectors (smuggling)
        _ => CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Control,
    };
}
