using System.Text;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// The one escaping function. Everything that is not markup we write goes through it. Besides the HTML specials it
/// entity-encodes the ASCII punctuation that Markdown (which Sentinel comments also render) gives meaning to, so
/// neither an HTML tag nor a Markdown link, image, emphasis, code span or autolink can come from input text.
/// Newlines are not handled here: the renderer turns them into <c>&lt;br&gt;</c> elements.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes <paramref name="text"/> for use as HTML text content.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"': output.Append("&quot;"); break;
                case '\'' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '!' or '#' or '|' or '~' or '\\' or '{' or '}' or ':' or '@' or '$' or '=':
                    output.Append("&#").Append((int)c).Append(';');
                    break;
                default: output.Append(c); break;
            }
        }

        return output.ToString();
    }
}
