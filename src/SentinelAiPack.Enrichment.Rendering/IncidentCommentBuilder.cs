using System.Globalization;
using System.Text;
using SentinelAiPack.Enrichment.Rendering.Html;
using SentinelAiPack.Enrichment.Rendering.Text;

namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>
/// Builds an incident comment from untrusted content. Every string is cleaned (<see cref="SafeText"/>) and escaped
/// (<see cref="HtmlText.Escape"/>); markup comes only from these methods and uses a fixed whitelist of elements without
/// attributes (no links, no images, no styles). The result fits the Sentinel comment limit, with a visible marker when cut.
/// </summary>
public sealed class IncidentCommentBuilder
{
    private readonly CommentRenderingOptions _options;
    private readonly SafeText _text;
    private readonly List<HtmlNode> _blocks = [];

    /// <summary>Creates an empty comment.</summary>
    public IncidentCommentBuilder(CommentRenderingOptions? options = null)
    {
        _options = options ?? new CommentRenderingOptions();
        if (_options.MaxLength < 200)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxLength must leave room for content and the truncation marker (at least 200).");
        }

        _text = new SafeText(_options);
    }

    /// <summary>A section heading.</summary>
    public IncidentCommentBuilder Heading(string text) => Add(new HtmlElement("h3", Inline(text)));

    /// <summary>A paragraph; line breaks are kept.</summary>
    public IncidentCommentBuilder Paragraph(string text) => Add(new HtmlElement("p", Inline(text)));

    /// <summary>A paragraph in bold (for verdicts).</summary>
    public IncidentCommentBuilder Strong(string text) => Add(new HtmlElement("p", new HtmlElement("strong", Inline(text))));

    /// <summary>A bullet list.</summary>
    public IncidentCommentBuilder BulletList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Add(new HtmlElement("ul", items.Select(i => (HtmlNode)new HtmlElement("li", Inline(i))).ToArray()));
    }

    /// <summary>A two-column table of names and values.</summary>
    public IncidentCommentBuilder Fields(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Add(new HtmlElement("table", fields
            .Select(f => (HtmlNode)new HtmlElement("tr", new HtmlElement("th", Inline(f.Key)), new HtmlElement("td", Inline(f.Value ?? string.Empty))))
            .ToArray()));
    }

    /// <summary>Verbatim text (a prompt, a model answer), shown monospaced.</summary>
    public IncidentCommentBuilder Preformatted(string text) => Add(new HtmlElement("pre", Inline(text)));

    /// <summary>Renders the comment, cut to <see cref="CommentRenderingOptions.MaxLength"/> when needed.</summary>
    public RenderedComment Build()
    {
        var document = new HtmlDocumentBlocks(_blocks);
        var full = document.FullLength();
        var output = new StringBuilder();
        if (full <= _options.MaxLength)
        {
            document.Render(output, int.MaxValue);
            return Result(output.ToString(), truncated: false, full);
        }

        var marker = Marker(full, full);
        document.Render(output, _options.MaxLength - marker.Length);
        output.Append(Marker(full - output.Length, full));
        return Result(output.ToString(), truncated: true, full);
    }

    private RenderedComment Result(string html, bool truncated, int fullLength) =>
        new(html, truncated, fullLength, _text.Redactions, _text.UnicodeMadeVisible, _text.LinksDefanged, _text.UnicodeFolded);

    private static string Marker(int omitted, int full) =>
        $"<p><strong>{HtmlText.Escape(string.Create(CultureInfo.InvariantCulture, $"[Comment truncated: {omitted} of {full} characters omitted to fit the Sentinel comment limit.]"))}</strong></p>";

    private IncidentCommentBuilder Add(HtmlNode block)
    {
        _blocks.Add(block);
        return this;
    }

    // Clean, escape, and turn each line break into a <br> element; no raw newline ever reaches the output, so
    // the whole comment stays one HTML block for a Markdown renderer.
    private HtmlNode[] Inline(string? text)
    {
        var lines = _text.Clean(text).Split('\n');
        var nodes = new List<HtmlNode>(lines.Length * 2);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                nodes.Add(new HtmlElement("br"));
            }

            if (lines[i].Length > 0)
            {
                nodes.Add(new HtmlEscapedText(HtmlText.Escape(lines[i])));
            }
        }

        return nodes.ToArray();
    }

    private sealed record HtmlDocumentBlocks(IReadOnlyList<HtmlNode> Blocks) : HtmlNode
    {
        public override bool Render(StringBuilder output, int budget)
        {
            foreach (var block in Blocks)
            {
                var before = output.Length;
                var fitted = block.Render(output, budget);
                budget -= output.Length - before;
                if (!fitted)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
