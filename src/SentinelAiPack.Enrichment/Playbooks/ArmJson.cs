using System.Text.Json.Nodes;
using SentinelAiPack.Content.Json;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>Shared pieces of the generated ARM templates.</summary>
internal static class ArmJson
{
    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    public static JsonObject Template(JsonObject? metadata, JsonObject parameters, JsonObject variables, JsonArray resources, JsonObject? outputs = null)
    {
        var template = new JsonObject { ["$schema"] = Schema, ["contentVersion"] = "1.0.0.0" };
        if (metadata is not null)
        {
            template["metadata"] = metadata;
        }

        template["parameters"] = parameters;
        template["variables"] = variables;
        template["resources"] = resources;
        template["outputs"] = outputs ?? new JsonObject();
        return template;
    }

    public static JsonObject Parameter(string type, string description, JsonNode? defaultValue = null, JsonArray? allowed = null)
    {
        var parameter = new JsonObject { ["type"] = type };
        if (defaultValue is not null)
        {
            parameter["defaultValue"] = defaultValue;
        }

        if (allowed is not null)
        {
            parameter["allowedValues"] = allowed;
        }

        parameter["metadata"] = new JsonObject { ["description"] = description };
        return parameter;
    }

    public static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>Stable text of a template (two-space indentation, LF line ends, final newline).</summary>
    public static string Write(JsonNode template) => CanonicalJson.SerializeInOrder(template);
}
