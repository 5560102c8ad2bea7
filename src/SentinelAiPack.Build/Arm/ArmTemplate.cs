using System.Text.Json.Nodes;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// The deployment template every item gets: a <c>workspace</c> parameter (Sentinel Repositories passes
/// <c>-workspace &lt;name&gt;</c> to templates that declare it) and the item's resources.
/// </summary>
public static class ArmTemplate
{
    public const string WorkspaceParameter = "workspace";

    public static JsonObject Create(string description, IEnumerable<JsonObject> resources, JsonObject? extraParameters = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var parameters = new JsonObject { [WorkspaceParameter] = WorkspaceParameterDefinition() };
        foreach (var (name, value) in extraParameters ?? [])
        {
            parameters[name] = value?.DeepClone();
        }
        return new JsonObject
        {
            ["$schema"] = ApiVersions.DeploymentTemplateSchema,
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = new JsonObject { ["description"] = description },
            ["parameters"] = parameters,
            ["resources"] = new JsonArray([.. resources]),
        };
    }

    /// <summary>The declaration of the <c>workspace</c> parameter.</summary>
    public static JsonObject WorkspaceParameterDefinition() => new()
    {
        ["type"] = "string",
        ["metadata"] = new JsonObject { ["description"] = "Name of the Log Analytics workspace Microsoft Sentinel runs on." },
    };

    /// <summary>Name of a Sentinel resource below the workspace: <c>{workspace}/Microsoft.SecurityInsights/{name}</c>.</summary>
    public static string SentinelResourceName(string name) =>
        $"[concat(parameters('{WorkspaceParameter}'), '/Microsoft.SecurityInsights/', {Quote(name)})]";

    /// <summary>Name of a workspace child resource: <c>{workspace}/{name}</c>.</summary>
    public static string WorkspaceChildName(string name) =>
        $"[concat(parameters('{WorkspaceParameter}'), '/', {Quote(name)})]";

    /// <summary>A string literal inside a template expression (single quotes doubled).</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
