using System.Net;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>Reads a rendered comment back: the triage table as question → answer, and the visible text.</summary>
public static partial class CommentText
{
    /// <summary>The rows of the first table (the triage answers), decoded.</summary>
    public static IReadOnlyDictionary<string, string> Answers(string html)
    {
        var table = FirstTable().Match(html);
        Assert.That(table.Success, Is.True, "the comment has a triage table");
        return Row().Matches(table.Value).ToDictionary(m => Decode(m.Groups["q"].Value), m => Decode(m.Groups["a"].Value));
    }

    /// <summary>The comment as text: tags removed, entities decoded.</summary>
    public static string Visible(string html) => Decode(Tag().Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), " "));

    private static string Decode(string html) => WebUtility.HtmlDecode(Tag().Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), string.Empty));

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex FirstTable();

    [GeneratedRegex("<tr><th>(?<q>.*?)</th><td>(?<a>.*?)</td></tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
