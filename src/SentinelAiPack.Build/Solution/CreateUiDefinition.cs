using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// <c>createUiDefinition.json</c>: the install wizard. Basics lists the Log Analytics workspaces of the chosen
/// resource group (ARM API control, workspaces api-version 2020-08-01) in a drop-down; one step per content kind
/// names the items the package installs and says where they appear. Outputs <c>workspace</c>,
/// <c>workspace-location</c> and <c>location</c>, the parameters of <c>mainTemplate.json</c>.
/// </summary>
public static class CreateUiDefinition
{
    private const string WorkspacesRequest = "[concat(subscription().id, '/providers/Microsoft.OperationalInsights/workspaces?api-version=2020-08-01')]";
    private const string WorkspacesInGroup = "filter(basics('getLAWorkspace').value, (ws) => contains(toLower(ws.id), toLower(concat('/resourceGroups/', resourceGroup().name, '/'))))";

    /// <summary>The install page's description: the logo first when there is one (as Azure-Sentinel packages show it).</summary>
    private static string Description(SolutionOptions options) =>
        options.LogoUrl is { } logo
            ? $"<img src=\"{System.Net.WebUtility.HtmlEncode(logo)}\" width=\"75px\" height=\"75px\">\n\n{options.Description}"
            : options.Description;

    public static JsonObject Create(SolutionOptions options, IReadOnlyList<ArtifactContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contributions);
        var steps = new JsonArray();
        foreach (var group in contributions.Where(c => c.Solution is not null).GroupBy(c => c.Solution!.ContentKind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = group.Count().ToString(CultureInfo.InvariantCulture);
            var names = string.Join(", ", group.Select(c => c.DisplayName));
            steps.Add(new JsonObject
            {
                ["name"] = "step-" + group.Key.ToLowerInvariant(),
                ["label"] = Label(group.Key),
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["name"] = "text-" + group.Key.ToLowerInvariant(),
                    ["type"] = "Microsoft.Common.TextBlock",
                    ["options"] = new JsonObject { ["text"] = ArmLiteral.Escape($"This solution installs {count} item(s) of kind {group.Key}: {names}. {Hint(group.Key)}") },
                }),
            });
        }
        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#",
            ["handler"] = "Microsoft.Azure.CreateUIDef",
            ["version"] = "0.1.2-preview",
            ["parameters"] = new JsonObject
            {
                ["config"] = new JsonObject
                {
                    ["isWizard"] = false,
                    ["basics"] = new JsonObject
                    {
                        ["description"] = Description(options),
                        ["subscription"] = new JsonObject { ["resourceProviders"] = new JsonArray("Microsoft.OperationsManagement/solutions", "Microsoft.OperationalInsights/workspaces/providers/alertRules", "Microsoft.Insights/workbooks", "Microsoft.Logic/workflows") },
                        ["location"] = new JsonObject { ["metadata"] = new JsonObject { ["hidden"] = "Hiding location, we get it from the log analytics workspace" }, ["visible"] = false },
                        ["resourceGroup"] = new JsonObject { ["allowExisting"] = true },
                    },
                },
                ["basics"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = "getLAWorkspace",
                        ["type"] = "Microsoft.Solutions.ArmApiControl",
                        ["toolTip"] = "Lists the Log Analytics workspaces of the subscription.",
                        ["condition"] = true,
                        ["request"] = new JsonObject { ["method"] = "GET", ["path"] = WorkspacesRequest },
                    },
                    new JsonObject
                    {
                        ["name"] = "workspace",
                        ["type"] = "Microsoft.Common.DropDown",
                        ["label"] = "Workspace",
                        ["placeholder"] = "Select a workspace",
                        ["toolTip"] = "The Microsoft Sentinel workspace in the selected resource group to install the content into.",
                        ["constraints"] = new JsonObject
                        {
                            ["allowedValues"] = $"[map({WorkspacesInGroup}, (ws) => parse(concat('{{\"label\":\"', ws.name, '\",\"value\":\"', ws.name, '\"}}')))]",
                            ["required"] = true,
                        },
                        ["visible"] = true,
                    }),
                ["steps"] = steps,
                ["outputs"] = new JsonObject
                {
                    ["workspace-location"] = $"[first(map(filter({WorkspacesInGroup}, (ws) => equals(ws.name, basics('workspace'))), (ws) => ws.location))]",
                    ["location"] = "[location()]",
                    ["workspace"] = "[basics('workspace')]",
                },
            },
        };
    }

    private static string Label(string kind) => kind switch
    {
        "AnalyticsRule" => "Analytics",
        "HuntingQuery" => "Hunting Queries",
        "Parser" => "Parsers",
        "Workbook" => "Workbooks",
        "Playbook" => "Playbooks",
        _ => kind,
    };

    private static string Hint(string kind) => kind switch
    {
        "AnalyticsRule" => "They appear as templates under Analytics > Rule templates; create rules from them there.",
        "HuntingQuery" => "They appear under Hunting > Queries.",
        "Parser" => "Parsers are workspace functions the rules and queries call; they are created on install.",
        "Playbook" => "They appear under Automation > Playbook templates. Deploy the SentinelAiPack enrichment Function App first (arm/6-playbooks/function-app/azuredeploy.json of aipack build), then create each playbook from its template with the Function App's name and audience, and grant Microsoft Sentinel the Microsoft Sentinel Automation Contributor role on the playbooks' resource group.",
        _ => string.Empty,
    };
}
