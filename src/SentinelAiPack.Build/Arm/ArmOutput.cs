using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// The <c>arm/</c> folder: one template per item below its step's folder, <c>deployment-order.json</c> (steps and
/// templates in the order <c>aipack deploy</c> runs them) and <c>sentinel-deployment.config</c>, which tells Sentinel
/// Repositories to deploy tables, parsers and playbooks before everything else (<c>prioritizedcontentfiles</c>): rules
/// call the parsers, automation rules run the playbooks.
/// </summary>
public static class ArmOutput
{
    public const string Folder = "arm";
    public const string OrderFile = "deployment-order.json";
    public const string RepositoriesConfigFile = "sentinel-deployment.config";

    public static IEnumerable<ArtifactFile> Files(IReadOnlyList<ArtifactContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var ordered = InDeploymentOrder(contributions);
        foreach (var contribution in ordered)
        {
            yield return ArtifactFile.Json($"{Folder}/{contribution.RelativePath}", contribution.Template);
        }
        yield return ArtifactFile.Json($"{Folder}/{OrderFile}", Order(ordered));
        yield return ArtifactFile.Json($"{Folder}/{RepositoriesConfigFile}", RepositoriesConfig(ordered));
    }

    /// <summary>Contributions by step; within a step in the order their contributor gave them (parsers by dependency).</summary>
    public static IReadOnlyList<ArtifactContribution> InDeploymentOrder(IEnumerable<ArtifactContribution> contributions) =>
        contributions.Select((c, index) => (c, index)).OrderBy(p => p.c.Step).ThenBy(p => p.index).Select(p => p.c).ToList();

    private static JsonObject Order(IReadOnlyList<ArtifactContribution> ordered)
    {
        var steps = new JsonArray();
        foreach (var group in ordered.GroupBy(c => c.Step))
        {
            steps.Add(new JsonObject
            {
                ["step"] = DeploymentSteps.Name(group.Key),
                ["templates"] = new JsonArray([.. group.Select(c => (JsonNode)JsonValue.Create(c.RelativePath))]),
            });
        }
        return new JsonObject
        {
            ["description"] = "Deploy the steps in this order, each template with workspace=<workspace name> where it declares that parameter and a value for every parameter without a default; aipack deploy does this.",
            ["steps"] = steps,
        };
    }

    private static JsonObject RepositoriesConfig(IReadOnlyList<ArtifactContribution> ordered) => new()
    {
        ["prioritizedcontentfiles"] = new JsonArray([.. ordered
            .Where(c => c.Step is DeploymentStep.Tables or DeploymentStep.Parsers or DeploymentStep.Playbooks)
            .Select(c => (JsonNode)JsonValue.Create(c.RelativePath))]),
        ["excludecontentfiles"] = new JsonArray(OrderFile),
    };
}
