using System.Text.Json.Nodes;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Build.Contributors;

/// <summary>
/// One deployable item: its ARM template for Sentinel Repositories and <c>aipack deploy</c>, and how it appears in the
/// Content Hub package. Templates of workspace content declare a <c>workspace</c> parameter and give every other one a
/// default; a parameter without a default (the playbooks' Function App name) is a value the deployer supplies
/// (<c>aipack deploy --parameter NAME=VALUE</c>).
/// </summary>
public sealed record ArtifactContribution
{
    /// <summary>Stable identity of the item (its content id); unique within the build.</summary>
    public required string Key { get; init; }

    public required string DisplayName { get; init; }

    public required DeploymentStep Step { get; init; }

    /// <summary>Path of the template below the step's folder, '/' separated (e.g. <c>prompt-injection/Rule.json</c>).</summary>
    public required string FileName { get; init; }

    public required JsonObject Template { get; init; }

    /// <summary>The item's entry in the Content Hub solution; null keeps it out of the package.</summary>
    public SolutionContent? Solution { get; init; }

    /// <summary>Tables the template creates (the pre-flight counts them as present when the step is deployed).</summary>
    public IReadOnlyList<TableSchema> CreatesTables { get; init; } = [];

    /// <summary>Workspace functions the template creates (parsers), by every callable name.</summary>
    public IReadOnlyList<string> CreatesFunctions { get; init; } = [];

    /// <summary>The content item behind the contribution, when there is one (for pre-flight requirements).</summary>
    public PackItem? Item { get; init; }

    /// <summary>
    /// Keys of contributions this one needs at deploy time (an automation rule needs the playbook it runs): when one of
    /// them fails or is skipped in the same deployment, this one is skipped.
    /// </summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The template's path below <c>arm/</c>.</summary>
    public string RelativePath => DeploymentSteps.Folder(Step) + "/" + FileName;
}

/// <summary>
/// How an item is packaged in the Content Hub solution: a <c>contentTemplates</c> resource whose inner template holds
/// <see cref="Resource"/> and a metadata resource pointing at <see cref="ParentId"/>.
/// </summary>
/// <param name="ContentKind">Sentinel content kind: AnalyticsRule, HuntingQuery, Parser, Workbook, Playbook.</param>
/// <param name="ContentId">The content id (a GUID for rules and queries).</param>
/// <param name="Version">The item's version (x.y.z).</param>
/// <param name="Abbreviation">Short kind used in generated names and content product ids (ar, hq, pr, wb, pl).</param>
/// <param name="Resource">The inner resource (e.g. an AlertRuleTemplates resource).</param>
/// <param name="ParentId">ARM expression of the inner resource's id, for the metadata's parentId.</param>
public sealed record SolutionContent(string ContentKind, string ContentId, string Version, string Abbreviation, JsonObject Resource, string ParentId)
{
    /// <summary>Resources the package also deploys directly on install (e.g. parser functions rules depend on).</summary>
    public IReadOnlyList<JsonObject> InstalledResources { get; init; } = [];

    /// <summary>
    /// Further resources of the inner template, listed before <see cref="Resource"/> (a playbook's API connection).
    /// </summary>
    public IReadOnlyList<JsonObject> SupportingResources { get; init; } = [];

    /// <summary>
    /// Parameters and variables of the inner template, for items a user deploys from the template with their own values
    /// (playbooks). Expressions meant for that deployment are written <c>[[…]</c> so the package install leaves them alone
    /// (<see cref="Json.ArmLiteral"/>).
    /// </summary>
    public JsonObject? TemplateParameters { get; init; }

    /// <inheritdoc cref="TemplateParameters"/>
    public JsonObject? TemplateVariables { get; init; }
}
