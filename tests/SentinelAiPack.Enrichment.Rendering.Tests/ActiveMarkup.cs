using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SentinelAiPack.Enrichment.Rendering.Tests;

/// <summary>Parses rendered comments with a real HTML5 parser and lists anything that could be active.</summary>
internal static class ActiveMarkup
{
    private static readonly HashSet<string> Allowed = ["h3", "p", "strong", "em", "ul", "li", "table", "tbody", "tr", "th", "td", "pre", "br"];

    public static IReadOnlyList<string> Find(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var problems = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var tag = element.LocalName;
            if (!Allowed.Contains(tag))
            {
                problems.Add($"element <{tag}>");
            }

            if (element.Attributes.Length > 0)
            {
                problems.Add($"attribute {element.Attributes[0]!.Name} on <{tag}>");
            }
        }

        var text = document.Body.TextContent;
        foreach (var scheme in new[] { "javascript:", "vbscript:", "data:", "http://", "https://", "file:" })
        {
            if (text.Contains(scheme, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"live scheme {scheme} in text");
            }
        }

        if (document.Body.ChildNodes.Any(n => n.NodeType == NodeType.Comment) || html.Contains("<!--", StringComparison.Ordinal))
        {
            problems.Add("HTML comment");
        }

        return problems;
    }

    public static string VisibleText(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!.TextContent;

    /// <summary>The strict check used when no parser is trusted: every '&lt;' starts one of our own tags.</summary>
    public static bool OnlyWhitelistedTags(string html)
    {
        for (var i = html.IndexOf('<'); i >= 0; i = html.IndexOf('<', i + 1))
        {
            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                return false;
            }

            var tag = html[(i + 1)..end].TrimStart('/');
            if (!Allowed.Contains(tag))
            {
                return false;
            }
        }

        return true;
    }
}
