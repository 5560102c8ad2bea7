using System.Text;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>
/// Normalizes a payload the way PayloadCampaign.kql does (lower-case, runs of tab/newline/form-feed/return/space
/// collapsed to one space, trimmed), so the same lure pasted with different spacing or case still matches.
/// </summary>
public static class PayloadText
{
    /// <summary>Shortest normalized text worth matching by text (shorter prompts are too common to mean a campaign).</summary>
    public const int MinLength = 24;

    /// <summary>The normalized form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\f' or '\r' or ' ')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
