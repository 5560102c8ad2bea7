using SentinelAiPack.Content.Identifiers;

namespace SentinelAiPack.Build.Json;

/// <summary>
/// Name-based (version 5) UUIDs for ARM names that need a GUID but have no id in the content, so every build names
/// the same resource the same way and a redeploy updates it instead of adding a copy.
/// </summary>
public static class StableId
{
    // Fixed namespace of SentinelAiPack build artifacts; changing it would rename every deployed resource.
    private static readonly Guid Namespace = new("8d1f6c2a-4b7e-5a93-9c0d-3e2f1a6b7c84");

    /// <summary>The UUID of <paramref name="name"/> within <paramref name="kind"/> (case-insensitive name).</summary>
    public static Guid For(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return NameBasedGuid.Version5(Namespace, kind + ":" + name.Trim().ToLowerInvariant());
    }

    /// <summary>Lower-case "D" form, as ARM and Sentinel write ids.</summary>
    public static string Text(Guid id) => id.ToString("D");
}
