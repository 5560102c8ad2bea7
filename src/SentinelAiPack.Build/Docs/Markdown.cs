using System.Text;
using SentinelAiPack.Enrichment.Rendering.Text;

namespace SentinelAiPack.Build.Docs;

/// <summary>
/// The only way content reaches a generated page. Rule text and sample events are attacker-shaped (prompt injection
/// samples hide instructions in invisible Unicode, HTML and Markdown), so every value is made visible
/// (<see cref="UnicodeVisibility"/>) and then escaped for where it lands: prose, a table cell, inline code or a fence.
/// </summary>
public static class Markdown
{
    /// <summary>Prose: HTML and Markdown punctuation escaped, line breaks kept.</summary>
    public static string Text(string? text)
    {
        // Leading spaces are dropped: four of them would turn a prose line into a code block.
        var lines = Visible(text).Split('\n');
        return string.Join('\n', lines.Select(line => EscapeBlockStart(EscapeInline(line.TrimStart()))));
    }

    /// <summary>A table cell: inline text on one line (block markers mean nothing inside a cell).</summary>
    public static string Cell(string? text) => string.Join("<br>", Visible(text).Split('\n').Select(EscapeInline));

    private static string EscapeInline(string line)
    {
        var output = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' => output.Append('\\').Append(c),
                _ => output.Append(c),
            };
        }
        return output.ToString();
    }

    private static string EscapeBlockStart(string line)
    {
        var output = new StringBuilder(line);
        // Block markers only matter at the start of a line: headings, list items, setext underlines, numbered lists.
        const int start = 0;
        if (output.Length > 0 && output[start] is '#' or '-' or '+' or '=')
        {
            output.Insert(start, '\\');
        }
        else
        {
            var digits = start;
            while (digits < output.Length && char.IsAsciiDigit(output[digits]))
            {
                digits++;
            }
            if (digits > start && digits < output.Length && output[digits] is '.' or ')')
            {
                output.Insert(digits, '\\');
            }
        }
        return output.ToString();
    }

    /// <summary>Inline code: a backtick run longer than any inside the text.</summary>
    public static string Code(string? text)
    {
        var visible = Visible(text).Replace('\n', ' ');
        var fence = new string('`', LongestRun(visible, '`') + 1);
        var pad = visible.StartsWith('`') || visible.EndsWith('`') ? " " : string.Empty;
        return fence + pad + visible + pad + fence;
    }

    /// <summary>A fenced block: the fence is longer than any backtick run inside, so the text cannot close it.</summary>
    public static string Fence(string language, string? text)
    {
        var visible = Visible(text).TrimEnd('\n');
        var fence = new string('`', Math.Max(3, LongestRun(visible, '`') + 1));
        return $"{fence}{language}\n{visible}\n{fence}\n";
    }

    /// <summary>A link whose label is escaped and whose target is one of ours (relative path or fixed site).</summary>
    public static string Link(string label, string target) => $"[{Text(label)}]({target.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})";

    /// <summary>A table from a header and rows of already escaped cells.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var output = new StringBuilder();
        output.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        output.Append('|').Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            output.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }
        return output.ToString();
    }

    private static string Visible(string? text) => UnicodeVisibility.MakeVisible(text ?? string.Empty).Text;

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
