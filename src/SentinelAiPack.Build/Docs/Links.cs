namespace SentinelAiPack.Build.Docs;

/// <summary>Links to the public technique catalogs; ids are checked against their patterns before they become URLs.</summary>
public static class Links
{
    public static string Attack(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var upper = id.Trim().ToUpperInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(upper, @"^T\d{4}(\.\d{3})?$"))
        {
            return Markdown.Code(id);
        }
        return Markdown.Link(upper, "https://attack.mitre.org/techniques/" + upper.Replace('.', '/') + "/");
    }

    public static string Atlas(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var upper = id.Trim().ToUpperInvariant();
        return System.Text.RegularExpressions.Regex.IsMatch(upper, @"^AML\.T\d{4}(\.\d{3})?$")
            ? Markdown.Link(upper, "https://atlas.mitre.org/techniques/" + upper)
            : Markdown.Code(id);
    }
}
