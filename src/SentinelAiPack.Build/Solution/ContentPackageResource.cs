using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// The solution itself: a <c>contentPackages</c> resource (content schema 3.0.0) whose dependency criteria list every
/// content item with its kind, content id and version.
/// </summary>
public static class ContentPackageResource
{
    /// <summary>The package's resource id, which every content template depends on.</summary>
    public const string IdExpression =
        "[extensionResourceId(resourceId('Microsoft.OperationalInsights/workspaces', parameters('workspace')), 'Microsoft.SecurityInsights/contentPackages', variables('_solutionId'))]";

    public static JsonObject Create(SolutionOptions options, IEnumerable<(string Kind, string ContentId, string Version)> items)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(items);
        var productId = ContentTemplateResource.ContentProductId("sl", "'Solution'", "variables('_solutionId')", "variables('_solutionVersion')");
        return new JsonObject
        {
            ["type"] = ApiVersions.ContentPackageType,
            ["apiVersion"] = ApiVersions.ContentPackages,
            ["name"] = "[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', variables('_solutionId'))]",
            ["location"] = "[parameters('workspace-location')]",
            ["properties"] = new JsonObject
            {
                ["version"] = "[variables('_solutionVersion')]",
                ["kind"] = "Solution",
                ["contentSchemaVersion"] = ContentTemplateResource.ContentSchemaVersion,
                ["displayName"] = ArmLiteral.Escape(options.DisplayName),
                ["publisherDisplayName"] = ArmLiteral.Escape(options.PublisherDisplayName),
                ["descriptionHtml"] = ArmLiteral.Escape(System.Net.WebUtility.HtmlEncode(options.Description)),
                ["contentKind"] = "Solution",
                ["contentProductId"] = productId,
                ["id"] = productId,
                ["contentId"] = "[variables('_solutionId')]",
                ["parentId"] = "[variables('_solutionId')]",
                ["source"] = Source(),
                ["author"] = Author(options),
                ["support"] = Support(options),
                ["dependencies"] = new JsonObject
                {
                    ["operator"] = "AND",
                    ["criteria"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
                    {
                        ["kind"] = i.Kind,
                        ["contentId"] = i.ContentId,
                        ["version"] = i.Version,
                    })]),
                },
                ["providers"] = new JsonArray(ArmLiteral.Escape(options.PublisherDisplayName)),
                ["categories"] = Categories(options),
            },
        };
    }

    public static JsonObject Source() => new()
    {
        ["kind"] = "Solution",
        ["name"] = "[variables('_solutionName')]",
        ["sourceId"] = "[variables('_solutionId')]",
    };

    /// <summary>Support contact of an item's metadata: the package's name and tier.</summary>
    public static JsonObject Support() => new()
    {
        ["name"] = "[variables('_supportName')]",
        ["tier"] = "[variables('_supportTier')]",
    };

    /// <summary>Support contact of the package: name and tier always, email and link when the solution settings give them.</summary>
    public static JsonObject Support(SolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var support = new JsonObject
        {
            ["name"] = "[variables('_supportName')]",
            ["tier"] = "[variables('_supportTier')]",
        };
        if (options.SupportEmail is { } email)
        {
            support["email"] = ArmLiteral.Escape(email);
        }
        if (options.SupportLink is { } link)
        {
            support["link"] = ArmLiteral.Escape(link);
        }
        return support;
    }

    private static JsonObject Author(SolutionOptions options)
    {
        var author = new JsonObject { ["name"] = "[variables('_authorName')]" };
        if (options.SupportEmail is { } email)
        {
            author["email"] = ArmLiteral.Escape(email);
        }
        return author;
    }

    private static JsonObject Categories(SolutionOptions options)
    {
        var categories = new JsonObject { ["domains"] = new JsonArray([.. options.Categories.Select(c => (JsonNode)ArmLiteral.Escape(c))]) };
        if (options.Verticals.Count > 0)
        {
            categories["verticals"] = new JsonArray([.. options.Verticals.Select(v => (JsonNode)ArmLiteral.Escape(v))]);
        }
        return categories;
    }
}
