using System.Text.Json.Nodes;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// <c>Microsoft.OperationalInsights/workspaces/savedSearches</c>: a hunting query when the category is "Hunting
/// Queries", a workspace function (parser) when <c>functionAlias</c> is set. <c>version</c> is the query language
/// version (2), not the item's version.
/// </summary>
public static class SavedSearchResource
{
    public const string HuntingCategory = "Hunting Queries";
    public const string ParserCategory = "Microsoft Sentinel Parser";

    /// <summary>The resource; <paramref name="properties"/> holds content only and is ARM-escaped here.</summary>
    public static JsonObject Create(string name, JsonObject properties)
    {
        properties["version"] = 2;
        return new JsonObject
        {
            ["type"] = ApiVersions.SavedSearchType,
            ["apiVersion"] = ApiVersions.SavedSearches,
            ["name"] = ArmTemplate.WorkspaceChildName(name),
            ["properties"] = ArmLiteral.EscapeAll(properties),
        };
    }

    /// <summary>ARM expression of the saved search's id (metadata parentId).</summary>
    public static string IdExpression(string name) =>
        $"[resourceId('{ApiVersions.SavedSearchType}', parameters('{ArmTemplate.WorkspaceParameter}'), {ArmTemplate.Quote(name)})]";

    public static JsonObject Tag(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
