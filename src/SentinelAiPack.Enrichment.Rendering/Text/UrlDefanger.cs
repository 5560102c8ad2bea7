using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Defangs links so neither the portal nor a reader's click opens them: <c>https://evil.example</c> becomes
/// <c>hxxps://evil[.]example</c>, other schemes (javascript:, data:, file:, …) get <c>[:]</c>, and every host-like
/// name (labels ending in a 2–24 letter TLD) gets <c>[.]</c>, which also stops bare-domain auto-linking.
/// </summary>
public static partial class UrlDefanger
{
    /// <summary>Returns the defanged text and the number of schemes and names changed.</summary>
    public static (string Text, int Changed) Defang(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var changed = 0;
        var schemes = Scheme().Replace(text, m =>
        {
            changed++;
            var scheme = m.Groups["scheme"].Value;
            return scheme.ToLowerInvariant() switch
            {
                "http" => Case(scheme, "hxxp") + ":",
                "https" => Case(scheme, "hxxps") + ":",
                "ftp" => Case(scheme, "fxp") + ":",
                "ftps" => Case(scheme, "fxps") + ":",
                _ => scheme + "[:]",
            };
        });
        var names = HostName().Replace(schemes, m =>
        {
            changed++;
            return m.Value.Replace(".", "[.]", StringComparison.Ordinal);
        });
        return (names, changed);
    }

    private static string Case(string original, string replacement) =>
        original.Length > 0 && char.IsUpper(original[0]) ? replacement.ToUpperInvariant() : replacement;

    [GeneratedRegex(@"\b(?<scheme>https?|ftps?|sftp|wss?|file|javascript|vbscript|livescript|data|mailto|tel|sms|intent|blob|ms-[a-z-]{1,30}|search-ms):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b[A-Za-z0-9][A-Za-z0-9-]{0,62}(\.[A-Za-z0-9][A-Za-z0-9-]{0,62}){0,10}\.[A-Za-z]{2,24}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HostName();
}
