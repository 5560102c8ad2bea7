using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Defangs links so neither the portal nor a reader's click opens them: <c>https://evil.example</c> becomes
/// <c>hxxps://evil[.]example</c>, other schemes (javascript:, data:, file:, …) get <c>[:]</c>, every host-like name
/// (labels in any script ending in a 2–24 letter or <c>xn--</c> top-level label) gets <c>[.]</c>, which also stops
/// bare-domain auto-linking, and so do bare IPv4 addresses; IPv6 addresses get <c>[:]</c>. A name with non-ASCII
/// letters (an internationalised, possibly homograph, host) is followed by its punycode, which shows what it really is.
/// </summary>
public static partial class UrlDefanger
{
    private const string Dot = "[.]";

    /// <summary>Returns the defanged text and the number of schemes, names and addresses changed.</summary>
    public static (string Text, int Changed) Defang(string text)
    {
        var normalised = NormalisedText.From(text, foldCompatibility: false);
        var changed = Defang(normalised);
        return (normalised.Render(hidden => hidden), changed);
    }

    /// <summary>Defangs <paramref name="text"/> in place; returns the number of schemes, names and addresses changed.</summary>
    internal static int Defang(NormalisedText text)
    {
        var changed = 0;
        text.Replace(Scheme(), m =>
        {
            changed++;
            var scheme = m.Groups["scheme"].Value;
            var replacement = scheme.ToLowerInvariant() switch
            {
                "http" => Case(scheme, "hxxp") + ":",
                "https" => Case(scheme, "hxxps") + ":",
                "ftp" => Case(scheme, "fxp") + ":",
                "ftps" => Case(scheme, "fxps") + ":",
                _ => scheme + "[:]",
            };
            return [new TextEdit(m.Index, m.Length, replacement)];
        });
        text.Replace(HostName(), m =>
        {
            changed++;
            return DotEdits(m, '.', '\u3002').Concat(PunycodeNote(m));
        });
        text.Replace(IPv4(), m =>
        {
            changed++;
            return DotEdits(m, '.');
        });
        text.Replace(IPv6Candidate(), m =>
        {
            if (!IsIPv6(m.Value))
            {
                return [];
            }

            changed++;
            return m.Value.Select((c, i) => (c, i)).Where(x => x.c == ':').Select(x => new TextEdit(m.Index + x.i, 1, "[:]"));
        });
        return changed;
    }

    private static IEnumerable<TextEdit> DotEdits(Match match, params char[] dots) =>
        match.Value.Select((c, i) => (c, i)).Where(x => dots.Contains(x.c)).Select(x => new TextEdit(match.Index + x.i, 1, Dot));

    // An internationalised name shows its ASCII (punycode) form, itself defanged: "аpple.com" is not apple.com.
    private static IEnumerable<TextEdit> PunycodeNote(Match match)
    {
        var name = match.Value.Replace('\u3002', '.');
        if (name.All(char.IsAscii))
        {
            return [];
        }

        try
        {
            var ascii = new IdnMapping().GetAscii(name);
            return [new TextEdit(match.Index + match.Length, 0, $" [IDN {ascii.Replace(".", Dot, StringComparison.Ordinal)}]")];
        }
        catch (ArgumentException)
        {
            return [new TextEdit(match.Index + match.Length, 0, " [IDN: not a valid internationalised name]")];
        }
    }

    // Times (12:30:45), MAC addresses and C++ scopes (std::x) are not addresses: the parse and the digit rule tell.
    private static bool IsIPv6(string candidate)
    {
        if (!IPAddress.TryParse(candidate, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var groups = candidate.Split(':', StringSplitOptions.RemoveEmptyEntries);
        return groups.Length >= 2 && (groups.Length >= 3 || candidate.Any(char.IsAsciiDigit));
    }

    private static string Case(string original, string replacement) =>
        original.Length > 0 && char.IsUpper(original[0]) ? replacement.ToUpperInvariant() : replacement;

    [GeneratedRegex(@"\b(?<scheme>https?|ftps?|sftp|wss?|file|javascript|vbscript|livescript|data|mailto|tel|sms|intent|blob|ms-[a-z-]{1,30}|search-ms):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Scheme();

    // Labels of letters, digits and marks of any script. The ideographic full stop (which browsers read as a dot)
    // separates labels only before an ASCII top-level label, so CJK prose is not taken for host names.
    [GeneratedRegex(@"\b[\p{L}\p{N}][\p{L}\p{N}\p{M}-]{0,62}((\.[\p{L}\p{N}][\p{L}\p{N}\p{M}-]{0,62}){0,10}\.(\p{L}[\p{L}\p{M}]{1,23}|xn--[A-Za-z0-9-]{1,59})|([.\u3002][\p{L}\p{N}][\p{L}\p{N}\p{M}-]{0,62}){0,10}[.\u3002]([A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HostName();

    [GeneratedRegex(@"\b(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IPv4();

    [GeneratedRegex(@"(?<![0-9A-Za-z:])([0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])", RegexOptions.CultureInvariant)]
    private static partial Regex IPv6Candidate();
}
