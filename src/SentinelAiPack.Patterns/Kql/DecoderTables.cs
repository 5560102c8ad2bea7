using System.Globalization;

namespace SentinelAiPack.Patterns.Kql;

/// <summary>
/// The lookup tables the generated KQL decodes with. base16 and base32 become bit strings (one lookup per character),
/// bit strings become base64 (one lookup per comma-led 6-bit group) and then text with base64_decode_tostring;
/// quoted-printable and HTML escapes are replaced one sequence at a time. Every table is built so that the result is
/// the same whether replace_strings replaces all lookups at once (Kusto) or one lookup after the other: no
/// replacement produces text that a later lookup matches.
/// </summary>
internal static class DecoderTables
{
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Hex digit → 4 bits; 0 and 1 first, so that bits written by later lookups are never read again.</summary>
    public static (IReadOnlyList<string> From, IReadOnlyList<string> To) HexBits { get; } = Table(
        Enumerable.Range(0, 16).Select(i => (i.ToString("x", CultureInfo.InvariantCulture), Bits(i, 4))));

    /// <summary>base32 character → 5 bits (the alphabet has no 0 or 1).</summary>
    public static (IReadOnlyList<string> From, IReadOnlyList<string> To) Base32Bits { get; } = Table(
        Base32Alphabet.Select((c, i) => (c.ToString(), Bits(i, 5))));

    /// <summary>",<6 bits>" → base64 character.</summary>
    public static (IReadOnlyList<string> From, IReadOnlyList<string> To) SixBitsToBase64 { get; } = Table(
        Base64Alphabet.Select((c, i) => ("," + Bits(i, 6), c.ToString())));

    /// <summary>"=XX" → character for printable ASCII and tab/LF/CR; "=3D" (the equals sign) last.</summary>
    public static (IReadOnlyList<string> From, IReadOnlyList<string> To) QuotedPrintable { get; } = Table(
        Printable().Where(c => c != '=').Concat(['\t', '\n', '\r', '='])
            .Select(c => ("=" + ((int)c).ToString("X2", CultureInfo.InvariantCulture), c.ToString())));

    /// <summary>HTML numeric references of printable ASCII (decimal, hex with either digit case) and the common named ones; &amp;amp; last.</summary>
    public static (IReadOnlyList<string> From, IReadOnlyList<string> To) HtmlEntities { get; } = Table(
        Printable().Where(c => c != '&').SelectMany(c => new[]
            {
                ("&#" + ((int)c).ToString(CultureInfo.InvariantCulture) + ";", c.ToString()),
                ("&#x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) + ";", c.ToString()),
                ("&#x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) + ";", c.ToString()),
            })
            .DistinctBy(entry => entry.Item1)
            .Concat([("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&nbsp;", " "), ("&#38;", "&"), ("&#x26;", "&"), ("&amp;", "&")]));

    /// <summary>rot13 of ASCII letters, as two translate() lists.</summary>
    public const string Rot13From = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public const string Rot13To = "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm";

    /// <summary>Atbash (A&lt;->Z, B&lt;->Y, ...) of ASCII letters, with <see cref="Rot13From"/> as the source list.</summary>
    public const string AtbashTo = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba";

    /// <summary>Cyrillic and Greek letters that look like Latin ones (code points), and the Latin letters they read as.</summary>
    public static IReadOnlyList<int> LookAlikeCodePoints { get; } = [1072, 1077, 1086, 1088, 1089, 1091, 1093, 1110, 1109, 1112, 945, 949, 953, 957, 959];

    public const string LookAlikeReadings = "aeopcyxisjaeivo";

    /// <summary>Unicode space characters the parser turns into ASCII spaces before matching (RE2's \s is ASCII-only).</summary>
    public static IReadOnlyList<int> UnicodeSpaces { get; } = [0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x000B, 0x0085];

    private static IEnumerable<char> Printable() => Enumerable.Range(32, 95).Select(i => (char)i);

    private static string Bits(int value, int width) => Convert.ToString(value, 2).PadLeft(width, '0');

    private static (IReadOnlyList<string> From, IReadOnlyList<string> To) Table(IEnumerable<(string From, string To)> entries)
    {
        var list = entries.ToList();
        return ([.. list.Select(e => e.From)], [.. list.Select(e => e.To)]);
    }
}
