using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// One content item of a 3.x package: a <c>contentTemplates</c> resource whose <c>mainTemplate</c> holds the item's
/// resource and its metadata (sentinel-content-format.md §4.3). Names and the content product id are ARM
/// expressions of the solution id, content id and version, so they are the same on every build.
/// </summary>
public static class ContentTemplateResource
{
    public const string ContentSchemaVersion = "3.0.0";

    public static JsonObject Create(ArtifactContribution contribution, SolutionContent content)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(content);
        var contentId = ArmTemplate.Quote(content.ContentId);
        var version = ArmTemplate.Quote(content.Version);
        var productId = ContentProductId(content.Abbreviation, ArmTemplate.Quote(content.ContentKind), contentId, version);
        var description = ArmLiteral.Escape($"{contribution.DisplayName} ({content.ContentKind}, version {content.Version})");
        return new JsonObject
        {
            ["type"] = ApiVersions.ContentTemplateType,
            ["apiVersion"] = ApiVersions.ContentPackages,
            ["name"] = $"[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', parameters('workspace'), '-{content.Abbreviation}-', uniqueString({contentId}))]",
            ["location"] = "[parameters('workspace-location')]",
            ["dependsOn"] = new JsonArray(ContentPackageResource.IdExpression),
            ["properties"] = new JsonObject
            {
                ["description"] = description,
                ["mainTemplate"] = new JsonObject
                {
                    ["$schema"] = ApiVersions.DeploymentTemplateSchema,
                    ["contentVersion"] = content.Version,
                    ["parameters"] = content.TemplateParameters?.DeepClone() ?? new JsonObject(),
                    ["variables"] = content.TemplateVariables?.DeepClone() ?? new JsonObject(),
                    ["resources"] = new JsonArray([
                        .. content.SupportingResources.Select(r => r.DeepClone()),
                        content.Resource.DeepClone(),
                        Metadata(contribution, content, description)]),
                },
                ["packageKind"] = "Solution",
                ["packageVersion"] = "[variables('_solutionVersion')]",
                ["packageName"] = "[variables('_solutionName')]",
                ["packageId"] = "[variables('_solutionId')]",
                ["contentSchemaVersion"] = ContentSchemaVersion,
                ["contentId"] = content.ContentId,
                ["contentKind"] = content.ContentKind,
                ["displayName"] = ArmLiteral.Escape(contribution.DisplayName),
                ["contentProductId"] = productId,
                ["id"] = productId,
                ["version"] = content.Version,
            },
        };
    }

    /// <summary>
    /// <c>concat(take(solutionId, 50), '-', abbreviation, '-', uniqueString(concat(solutionId, '-', kind, '-', contentId, '-', version)))</c>.
    /// </summary>
    public static string ContentProductId(string abbreviation, string kindLiteral, string contentIdExpression, string versionExpression) =>
        $"[concat(take(variables('_solutionId'), 50), '-', '{abbreviation}', '-', uniqueString(concat(variables('_solutionId'), '-', {kindLiteral}, '-', {contentIdExpression}, '-', {versionExpression})))]";

    private static JsonObject Metadata(ArtifactContribution contribution, SolutionContent content, string description) => new()
    {
        ["type"] = ApiVersions.MetadataType,
        ["apiVersion"] = ApiVersions.Metadata,
        ["name"] = $"[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', {ArmTemplate.Quote(content.ContentKind + "-" + content.ContentId)})]",
        ["properties"] = new JsonObject
        {
            ["description"] = description,
            ["parentId"] = content.ParentId,
            ["contentId"] = content.ContentId,
            ["kind"] = content.ContentKind,
            ["version"] = content.Version,
            ["source"] = ContentPackageResource.Source(),
            ["author"] = new JsonObject { ["name"] = "[variables('_authorName')]" },
            ["support"] = ContentPackageResource.Support(),
        },
    };
}
