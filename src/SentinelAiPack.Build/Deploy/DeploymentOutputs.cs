using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// Outputs of finished deployments handed to later templates: a template's output goes to every template of a later step
/// that declares a parameter of the same name (the custom tables' <c>IngestionEndpoint</c> and <c>DcrResourceId</c> to
/// the enrichment Function App), unless the user gave that value (<c>--parameter</c> wins). ARM reports outputs in the
/// finished deployment's <c>properties.outputs</c> as <c>{NAME: {type, value}}</c>; names compare case-insensitively,
/// as ARM's parameter names do.
/// </summary>
public static class DeploymentOutputs
{
    /// <summary>Names of the outputs <paramref name="template"/> declares.</summary>
    public static IEnumerable<string> Declared(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return (template["outputs"] as JsonObject ?? []).Where(o => o.Value is JsonObject).Select(o => o.Key);
    }

    /// <summary>The values in a finished deployment's <c>properties.outputs</c>, by name; entries without a value are left out.</summary>
    public static IReadOnlyDictionary<string, JsonNode> Read(JsonElement? outputs)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
        if (outputs is not { ValueKind: JsonValueKind.Object } declared)
        {
            return values;
        }
        foreach (var output in declared.EnumerateObject())
        {
            if (output.Value.ValueKind == JsonValueKind.Object && output.Value.TryGetProperty("value", out var value)
                && value.ValueKind != JsonValueKind.Null && JsonNode.Parse(value.GetRawText()) is { } node)
            {
                values[output.Name] = node;
            }
        }
        return values;
    }

    /// <summary>
    /// The outputs that templates of <paramref name="deployment"/> in steps before <paramref name="contribution"/>'s declare,
    /// by name, each with the path of the first template declaring it: what <paramref name="contribution"/> receives once
    /// those are deployed (never with what-if, which deploys nothing).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SuppliedBefore(ArtifactContribution contribution, IReadOnlyList<ArtifactContribution> deployment)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(deployment);
        var supplied = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var earlier in deployment.Where(c => c.Step < contribution.Step))
        {
            foreach (var name in Declared(earlier.Template))
            {
                supplied.TryAdd(name, earlier.RelativePath);
            }
        }
        return supplied;
    }
}
