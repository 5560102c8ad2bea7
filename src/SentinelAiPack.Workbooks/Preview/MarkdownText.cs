using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// The small part of markdown the specs use (paragraphs, <c>**bold**</c>, <c>`code`</c>), rendered after HTML-escaping
/// the text so nothing in it can become markup.
/// </summary>
public static partial class MarkdownText
{
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        foreach (var paragraph in ParagraphBreak().Split(markdown.Trim()).Where(p => p.Trim().Length > 0))
        {
            var escaped = WebUtility.HtmlEncode(paragraph.Trim());
            escaped = Bold().Replace(escaped, "<strong>$1</strong>");
            escaped = Code().Replace(escaped, "<code>$1</code>");
            html.Append("<p>").Append(escaped.Replace("\n", " ", StringComparison.Ordinal)).Append("</p>");
        }
        return html.ToString();
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();
}
