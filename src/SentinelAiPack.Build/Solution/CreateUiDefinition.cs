using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// <c>createUiDefinition.json</c>: the install wizard. Basics lists the Log Analytics workspaces of the chosen
/// resource group (ARM API control, workspaces api-version 2020-08-01) in a drop-down; one step per content kind
/// says what the package installs. Outputs <c>workspace</c>, <c>workspace-location</c> and <c>location</c>, the
/// parameters of <c>mainTemplate.json</c>.
/// </summary>
public static class CreateUiDefinition
{
    private const string WorkspacesRequest = "[concat(subscription().id, '/providers/Microsoft.OperationalInsights/workspaces?api-version=2020-08-01')]";
    private const string WorkspacesInGroup = "filter(basics('getLAWorkspace').value, (ws) => contains(toLower(ws.id), toLower(concat('/resourceGroups/', resourceGroup().name, '/'))))";

    public static JsonObject Create(SolutionOptions options, IReadOnlyList<ArtifactContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contributions);
        var steps = new JsonArray();
        foreach (var group in contributions.Where(c => c.Solution is not null).GroupBy(c => c.Solution!.ContentKind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = group.Count().ToString(CultureInfo.InvariantCulture);
            steps.Add(new JsonObject
            {
                ["name"] = "step-" + group.Key.ToLowerInvariant(),
                ["label"] = Label(group.Key),
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["name"] = "text-" + group.Key.ToLowerInvariant(),
                    ["type"] = "Microsoft.Common.TextBlock",
                    ["options"] = new JsonObject { ["text"] = $"This solution installs {count} item(s) of kind {group.Key}. {Hint(group.Key)}" },
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
                        ["description"] = options.Description,
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
        _ => string.Empty,
    };
}
