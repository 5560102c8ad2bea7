using System.Text;

namespace SentinelAiPack.Enrichment.Rendering.Html;

/// <summary>
/// The tiny HTML tree the builder emits: whitelisted elements without attributes, and already-escaped text.
/// Rendering takes a character budget and always closes what it opened, so a cut comment stays well-formed.
/// </summary>
internal abstract record HtmlNode
{
    /// <summary>Appends at most <paramref name="budget"/> characters; returns false when something was left out.</summary>
    public abstract bool Render(StringBuilder output, int budget);

    public int FullLength()
    {
        var output = new StringBuilder();
        Render(output, int.MaxValue);
        return output.Length;
    }
}

/// <summary>An element from the whitelist.</summary>
internal sealed record HtmlElement(string Tag, IReadOnlyList<HtmlNode> Children) : HtmlNode
{
    /// <summary>Elements the builder may emit; nothing else ever appears in a comment.</summary>
    public static readonly IReadOnlySet<string> Whitelist = new HashSet<string>(StringComparer.Ordinal)
    {
        "h3", "p", "strong", "em", "ul", "li", "table", "tr", "th", "td", "pre", "br",
    };

    public HtmlElement(string tag, params HtmlNode[] children)
        : this(tag, (IReadOnlyList<HtmlNode>)children)
    {
    }

    public override bool Render(StringBuilder output, int budget)
    {
        if (!Whitelist.Contains(Tag))
        {
            throw new InvalidOperationException($"<{Tag}> is not a whitelisted comment element.");
        }

        var open = $"<{Tag}>";
        if (Tag == "br")
        {
            if (open.Length > budget)
            {
                return false;
            }

            output.Append(open);
            return true;
        }

        var close = $"</{Tag}>";
        if (open.Length + close.Length > budget)
        {
            return false;
        }

        output.Append(open);
        var remaining = budget - open.Length - close.Length;
        var complete = true;
        foreach (var child in Children)
        {
            var before = output.Length;
            var fitted = child.Render(output, remaining);
            remaining -= output.Length - before;
            if (!fitted)
            {
                complete = false;
                break;
            }
        }

        output.Append(close);
        return complete;
    }
}

/// <summary>Text already passed through <see cref="Text.HtmlText.Escape"/>; cut only between whole characters and entities.</summary>
internal sealed record HtmlEscapedText(string Html) : HtmlNode
{
    public override bool Render(StringBuilder output, int budget)
    {
        if (Html.Length <= budget)
        {
            output.Append(Html);
            return true;
        }

        var cut = Math.Max(0, budget);
        var lastAmpersand = Html.LastIndexOf('&', Math.Max(0, cut - 1));
        if (cut > 0 && lastAmpersand >= 0 && Html.IndexOf(';', lastAmpersand) >= cut)
        {
            cut = lastAmpersand;
        }

        if (cut > 0 && char.IsHighSurrogate(Html[cut - 1]))
        {
            cut--;
        }

        output.Append(Html, 0, cut);
        return false;
    }
}
