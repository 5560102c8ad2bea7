namespace SentinelAiPack.Build.Arm;

/// <summary>
/// Resource types and api versions of every generated resource, in one place. Sources: the REST specifications
/// (azure-rest-api-specs, Microsoft.SecurityInsights stable/2025-09-01 and preview/2025-07-01-preview) and
/// sentinel-content-format.md §2.3 and §4 (Content Hub 3.x packages, Sentinel Repositories).
/// </summary>
public static class ApiVersions
{
    /// <summary>Analytics rules as Sentinel Repositories deploys and the portal exports them.</summary>
    public const string AlertRuleType = "Microsoft.OperationalInsights/workspaces/providers/alertRules";

    /// <summary>
    /// Latest GA version of Microsoft.SecurityInsights/alertRules. Its kind enum has Scheduled (not NRT) and its
    /// properties have techniques but no subTechniques.
    /// </summary>
    public const string AlertRules = "2025-09-01";

    /// <summary>Latest preview: adds kind NRT and subTechniques. Used only by rules that need one of them.</summary>
    public const string AlertRulesPreview = "2025-07-01-preview";

    /// <summary>Hunting queries (category "Hunting Queries") and parsers (any other category).</summary>
    public const string SavedSearchType = "Microsoft.OperationalInsights/workspaces/savedSearches";

    /// <summary>As Content Hub packages deploy saved searches and parser functions.</summary>
    public const string SavedSearches = "2022-10-01";

    public const string ContentTemplateType = "Microsoft.OperationalInsights/workspaces/providers/contentTemplates";

    public const string ContentPackageType = "Microsoft.OperationalInsights/workspaces/providers/contentPackages";

    /// <summary>contentTemplates and contentPackages of content schema 3.x packages.</summary>
    public const string ContentPackages = "2023-04-01-preview";

    public const string AlertRuleTemplateType = "Microsoft.SecurityInsights/AlertRuleTemplates";

    public const string AlertRuleTemplates = "2023-02-01-preview";

    public const string MetadataType = "Microsoft.OperationalInsights/workspaces/providers/metadata";

    public const string Metadata = "2022-01-01-preview";

    /// <summary>The <c>$schema</c> of every deployment template.</summary>
    public const string DeploymentTemplateSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
}
