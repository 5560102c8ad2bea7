using System.Numerics;

namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>Check-digit validators that keep card and IBAN redaction from firing on arbitrary digit runs.</summary>
public static class Checksums
{
    /// <summary>Luhn check over the digits of <paramref name="candidate"/> (separators ignored).</summary>
    public static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 13616 mod-97 check of an IBAN (spaces ignored).</summary>
    public static bool IsIbanValid(string candidate)
    {
        var iban = new string(candidate.Where(c => c != ' ').ToArray()).ToUpperInvariant();
        if (iban.Length is < 15 or > 34 || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var rearranged = iban[4..] + iban[..4];
        var numeric = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }
}
