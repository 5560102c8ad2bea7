using System.Text.Json.Nodes;

namespace SentinelAiPack.Build.Navigator;

/// <summary>
/// A MITRE Navigator layer (layer file format 4.5): one technique entry per mapped technique with score = number of
/// analytics rules and a comment naming them; parents of mapped sub-techniques are listed expanded.
/// </summary>
public static partial class NavigatorLayer
{
    public const string LayerFormatVersion = "4.5";

    /// <param name="name">Layer name.</param>
    /// <param name="domain"><c>enterprise-attack</c> or <c>atlas-atlas</c>.</param>
    /// <param name="versions">The layer's versions object (layer format and, where known, data and navigator versions).</param>
    /// <param name="description">What the score means.</param>
    /// <param name="rulesByTechnique">Technique id → names of the rules mapped to it.</param>
    public static JsonObject Create(string name, string domain, JsonObject versions, string description, IReadOnlyDictionary<string, IReadOnlyList<string>> rulesByTechnique)
    {
        ArgumentNullException.ThrowIfNull(rulesByTechnique);
        var techniques = new JsonArray();
        var parentsToExpand = rulesByTechnique.Keys
            .Select(id => SubTechnique().Match(id))
            .Where(m => m.Success)
            .Select(m => m.Groups["parent"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var ids = rulesByTechnique.Keys.Concat(parentsToExpand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var entry = new JsonObject
            {
                ["techniqueID"] = id,
                ["enabled"] = true,
                ["showSubtechniques"] = parentsToExpand.Contains(id),
            };
            if (rulesByTechnique.TryGetValue(id, out var rules))
            {
                var sorted = rules.Order(StringComparer.Ordinal).ToList();
                entry["score"] = sorted.Count;
                entry["comment"] = string.Join("; ", sorted);
                entry["metadata"] = new JsonArray([.. sorted.Select(r => (JsonNode)new JsonObject { ["name"] = "rule", ["value"] = r })]);
            }
            techniques.Add(entry);
        }
        var max = rulesByTechnique.Count == 0 ? 1 : rulesByTechnique.Values.Max(r => r.Count);
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = versions,
            ["domain"] = domain,
            ["description"] = description,
            ["sorting"] = 3,
            ["layout"] = new JsonObject { ["layout"] = "side", ["showID"] = true, ["showName"] = true, ["showAggregateScores"] = false },
            ["hideDisabled"] = false,
            ["techniques"] = techniques,
            ["gradient"] = new JsonObject
            {
                ["colors"] = new JsonArray("#ffffff", "#66b1ff", "#1f5fa8"),
                ["minValue"] = 0,
                ["maxValue"] = max,
            },
            ["legendItems"] = new JsonArray(),
            ["showTacticRowBackground"] = false,
            ["selectTechniquesAcrossTactics"] = true,
            ["selectSubtechniquesWithParent"] = false,
        };
    }

    /// <summary>A sub-technique id (<c>T1552.001</c>, <c>AML.T0051.000</c>) and its parent.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<parent>(?:AML\.)?T\d{4})\.\d{3}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SubTechnique();
}
