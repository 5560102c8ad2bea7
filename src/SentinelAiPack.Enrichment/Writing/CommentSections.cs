using System.Globalization;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Rendering;

namespace SentinelAiPack.Enrichment.Writing;

/// <summary>Formatting shared by the enrichers' comments.</summary>
public static class CommentSections
{
    /// <summary>UTC time as <c>yyyy-MM-dd HH:mm:ssZ</c>, or "unknown time".</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "unknown time";

    /// <summary>Non-empty values joined with commas (at most 10, then a count), or "none".</summary>
    public static string Join(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none"
            : list.Count <= 10 ? string.Join(", ", list)
            : string.Join(", ", list.Take(10)) + $" and {list.Count - 10} more";
    }

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Cap(string text, int max) =>
        text.Length <= max ? text : text[..SafeCut(text, max)] + "…";

    /// <summary>A cut position at or before <paramref name="max"/> that does not split a surrogate pair.</summary>
    public static int SafeCut(string text, int max)
    {
        var cut = Math.Min(max, text.Length);
        return cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
    }

    /// <summary>The "could not be read" section, when there are gaps.</summary>
    public static void Gaps(IncidentCommentBuilder comment, IReadOnlyList<EvidenceGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (gaps.Count == 0)
        {
            return;
        }

        comment.Heading("Not available");
        comment.BulletList(gaps.Select(g => $"{g.Section}: {Cap(g.Reason, 400)}"));
    }
}
