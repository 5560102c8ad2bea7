using SentinelAiPack.Content.Identifiers;

namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>
/// Deterministic comment ids: a name-based (version 5, SHA-1) UUID of (incident id, enricher name), so a retried or
/// duplicated trigger writes the same comment id and Sentinel updates the comment instead of adding one.
/// </summary>
public static class CommentId
{
    // Fixed namespace for SentinelAiPack enricher comments; changing it would orphan existing comments.
    private static readonly Guid Namespace = new("3f6c2b1e-9d4a-5e7f-8a1b-2c3d4e5f6a7b");

    /// <summary>The comment id for <paramref name="enricherName"/> on <paramref name="incidentId"/> (case-insensitive incident id).</summary>
    public static Guid For(string incidentId, string enricherName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(enricherName);
        return NameBasedGuid.Version5(Namespace, $"{incidentId.Trim().ToLowerInvariant()}\n{enricherName.Trim()}");
    }
}
