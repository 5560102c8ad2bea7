using System.Text.RegularExpressions;

namespace SentinelAiPack.Azure.Http;

/// <summary>Validates and escapes values placed in URL paths, so a name can never change the path.</summary>
internal static partial class UriPaths
{
    public static string Segment(string value, string what, Regex pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, what);
        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"{what} '{Printable(value)}' does not match {pattern}.", what);
        }

        return Uri.EscapeDataString(value);
    }

    public static Uri Combine(Uri baseUri, string relative) =>
        new(new Uri(baseUri.AbsoluteUri.EndsWith('/') ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/"), relative.TrimStart('/'));

    private static string Printable(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        return new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    public static partial Regex Guid();

    /// <summary>Resource group and deployment names as documented: <c>^[-\w\._\(\)]+$</c>.</summary>
    [GeneratedRegex(@"^[-\w\._\(\)]{1,90}$")]
    public static partial Regex ResourceGroupName();

    [GeneratedRegex(@"^[-\w\._\(\)]{1,64}$")]
    public static partial Regex DeploymentName();

    /// <summary>Workspace names as documented for Sentinel: <c>^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$</c>, at most 90 characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{1,88}[A-Za-z0-9]$")]
    public static partial Regex WorkspaceName();

    /// <summary>Incident and comment ids, DCR ids, stream names: URL-safe names only.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    public static partial Regex ResourceName();
}
