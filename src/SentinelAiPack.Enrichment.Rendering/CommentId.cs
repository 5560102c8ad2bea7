using System.Security.Cryptography;
using System.Text;

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
        return NameBased(Namespace, $"{incidentId.Trim().ToLowerInvariant()}\n{enricherName.Trim()}");
    }

    /// <summary>RFC 9562 version-5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; this is an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
