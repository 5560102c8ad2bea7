namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>
/// MITRE ATLAS technique and sub-technique ids of the pinned ATLAS release (embedded <c>atlas-techniques.json</c>,
/// taken from mitre-atlas/atlas-data's <c>dist/ATLAS.yaml</c>). Ids compare case-insensitively.
/// </summary>
public static class AtlasTechniqueCatalog
{
    private static readonly Lazy<(string Version, string Release, Dictionary<string, string> Techniques)> Data = new(Load);

    /// <summary>The ATLAS data version (ATLAS.yaml <c>version</c>), e.g. 5.6.0.</summary>
    public static string AtlasVersion => Data.Value.Version;

    /// <summary>The atlas-data release tag the file was taken from, e.g. v5.6.1.</summary>
    public static string DataRelease => Data.Value.Release;

    public static IReadOnlyCollection<string> TechniqueIds => Data.Value.Techniques.Keys;

    /// <summary>The technique's name, or null when the id is not a technique of the pinned release.</summary>
    public static string? NameOf(string id) => Data.Value.Techniques.GetValueOrDefault(id.Trim());

    private static (string, string, Dictionary<string, string>) Load()
    {
        using var document = EmbeddedData.Open("atlas-techniques.json");
        var root = document.RootElement;
        var techniques = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.GetProperty("techniques").EnumerateObject())
        {
            techniques[property.Name] = property.Value.GetString()!;
        }
        return (root.GetProperty("atlasVersion").GetString()!, root.GetProperty("atlasDataRelease").GetString()!, techniques);
    }
}
