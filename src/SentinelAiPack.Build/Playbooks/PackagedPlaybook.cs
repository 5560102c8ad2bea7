using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Playbooks;

/// <summary>
/// A playbook as a Content Hub Playbook item: a template the user deploys later from Content Hub with their own values
/// (playbook name, Function App, audience). The package install evaluates every expression inside a content template,
/// so the playbook's own expressions are written <c>[[…]</c> and reach that later deployment intact; the workflow and
/// connection api versions are the ones the packaging tool asks for inside packages (sentinel-content-format.md §2.4).
/// </summary>
internal static class PackagedPlaybook
{
    public const string ContentKind = "Playbook";

    private static readonly Dictionary<string, string> PackageApiVersions = new(StringComparer.OrdinalIgnoreCase)
    {
        [ApiVersions.WorkflowType] = ApiVersions.PackagedWorkflows,
        [ApiVersions.ConnectionType] = ApiVersions.PackagedConnections,
    };

    /// <summary>The package entry of the playbook template <paramref name="template"/> named <paramref name="name"/>.</summary>
    public static SolutionContent Create(string name, JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var deferred = ArmLiteral.EscapeAll((JsonObject)template.DeepClone());
        var resources = (deferred["resources"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToList();
        foreach (var resource in resources)
        {
            if (resource["type"]?.GetValue<string>() is { } type && PackageApiVersions.TryGetValue(type, out var apiVersion))
            {
                resource["apiVersion"] = apiVersion;
            }
        }
        var workflow = resources.Single(r => r["type"]?.GetValue<string>() == ApiVersions.WorkflowType);
        return new SolutionContent(ContentKind, name, TemplateVersion.Of(template), "pl", workflow,
            ArmLiteral.Escape($"[resourceId('{ApiVersions.WorkflowType}', parameters('{PlaybookContributor.PlaybookNameParameter}'))]"))
        {
            SupportingResources = [.. resources.Where(r => !ReferenceEquals(r, workflow))],
            TemplateParameters = deferred["parameters"] as JsonObject,
            TemplateVariables = deferred["variables"] as JsonObject,
        };
    }
}
