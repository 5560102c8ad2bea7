using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Build.Navigator;

/// <summary>
/// The <c>navigator/</c> folder: an ATT&amp;CK Enterprise layer from the rules' <c>relevantTechniques</c> and an
/// ATLAS layer (domain <c>atlas-atlas</c>) from their <c>aipack.atlas</c> ids. Only analytics rules are counted.
/// </summary>
public static class CoverageLayers
{
    public const string Folder = "navigator";
    public const string AttackFile = "attack-enterprise-layer.json";
    public const string AtlasFile = "atlas-layer.json";

    public static IEnumerable<ArtifactFile> Files(PackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var attack = NavigatorLayer.Create(
            "SentinelAiPack analytics rules - ATT&CK Enterprise",
            "enterprise-attack",
            new JsonObject { ["attack"] = AttackTechniqueCatalog.AttackVersion.Split('.')[0], ["navigator"] = "5.1.0", ["layer"] = NavigatorLayer.LayerFormatVersion },
            "Score: number of SentinelAiPack analytics rules mapped to the technique (relevantTechniques).",
            AttackTechniques(content));
        var atlas = NavigatorLayer.Create(
            "SentinelAiPack analytics rules - MITRE ATLAS",
            "atlas-atlas",
            new JsonObject { ["layer"] = NavigatorLayer.LayerFormatVersion },
            "Score: number of SentinelAiPack analytics rules mapped to the ATLAS technique (aipack.atlas).",
            AtlasTechniques(content));
        return [ArtifactFile.Json($"{Folder}/{AttackFile}", attack), ArtifactFile.Json($"{Folder}/{AtlasFile}", atlas)];
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AttackTechniques(PackContent content) =>
        Index(content.Rules.SelectMany(rule => TemplateValues.AllTechniques(rule.Template!).Select(t => (t, rule.DisplayName))));

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AtlasTechniques(PackContent content) =>
        Index(content.Rules.SelectMany(rule => (rule.Template!.AiPack?.Atlas ?? [])
            .Select(a => a.Value.Trim().ToUpperInvariant())
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(a => (a, rule.DisplayName))));

    private static SortedDictionary<string, IReadOnlyList<string>> Index(IEnumerable<(string Technique, string Rule)> pairs)
    {
        var index = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in pairs.GroupBy(p => p.Technique, StringComparer.Ordinal))
        {
            index[group.Key] = group.Select(p => p.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        return index;
    }
}
