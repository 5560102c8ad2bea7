using System.Text.Json.Nodes;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// An automation rule (<c>Microsoft.OperationalInsights/workspaces/providers/automationRules</c>, api-version 2023-02-01)
/// that runs a playbook when an incident is created by one of the pack's analytics rules. The rules are deployed
/// named by their id, so the condition <c>IncidentRelatedAnalyticRuleIds</c> lists their resource ids; the list is the
/// <c>AnalyticRuleIds</c> parameter, defaulting to the pack's rules of the matching alert types.
/// </summary>
public static class AutomationRuleTemplate
{
    /// <summary>API version of automation rules.</summary>
    public const string ApiVersion = "2023-02-01";

    /// <summary>Name of the parameter listing the watched analytics rules (derived from the content, not from this template).</summary>
    public const string AnalyticRuleIdsParameter = "AnalyticRuleIds";

    /// <summary>
    /// Builds the automation rule that runs <paramref name="playbookName"/> for <paramref name="ruleIds"/>; its version is
    /// the newest of <paramref name="releaseNotes"/> (template <c>metadata</c>, which ARM ignores).
    /// </summary>
    public static JsonObject Build(Guid automationRuleId, string displayName, string playbookName, int order, IReadOnlyList<string> ruleIds, IReadOnlyList<ReleaseNote> releaseNotes)
    {
        var parameters = new JsonObject
        {
            ["workspace"] = ArmJson.Parameter("string", "Name of the Microsoft Sentinel workspace."),
            ["PlaybookName"] = ArmJson.Parameter("string", "Name of the playbook to run.", playbookName),
            ["PlaybookResourceGroup"] = ArmJson.Parameter("string", "Resource group of the playbook.", "[resourceGroup().name]"),
            [AnalyticRuleIdsParameter] = ArmJson.Parameter("array", "Ids of the analytics rules whose incidents the playbook enriches.", ArmJson.Strings([.. ruleIds])),
            ["AutomationRuleId"] = ArmJson.Parameter("string", "Id (name) of the automation rule.", automationRuleId.ToString()),
        };
        var rule = new JsonObject
        {
            ["type"] = "Microsoft.OperationalInsights/workspaces/providers/automationRules",
            ["apiVersion"] = ApiVersion,
            ["name"] = "[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', parameters('AutomationRuleId'))]",
            ["properties"] = new JsonObject
            {
                ["displayName"] = displayName,
                ["order"] = order,
                ["triggeringLogic"] = new JsonObject
                {
                    ["isEnabled"] = true,
                    ["triggersOn"] = "Incidents",
                    ["triggersWhen"] = "Created",
                    ["conditions"] = new JsonArray(new JsonObject
                    {
                        ["conditionType"] = "Property",
                        ["conditionProperties"] = new JsonObject
                        {
                            ["propertyName"] = "IncidentRelatedAnalyticRuleIds",
                            ["operator"] = "Contains",
                            ["propertyValues"] = "[map(parameters('AnalyticRuleIds'), lambda('id', resourceId('Microsoft.OperationalInsights/workspaces/providers/alertRules', parameters('workspace'), 'Microsoft.SecurityInsights', lambdaVariables('id'))))]",
                        },
                    }),
                },
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["order"] = 1,
                    ["actionType"] = "RunPlaybook",
                    ["actionConfiguration"] = new JsonObject
                    {
                        ["tenantId"] = "[subscription().tenantId]",
                        ["logicAppResourceId"] = "[resourceId(parameters('PlaybookResourceGroup'), 'Microsoft.Logic/workflows', parameters('PlaybookName'))]",
                    },
                }),
            },
        };
        return ArmJson.Template(new JsonObject { ["releaseNotes"] = ReleaseNote.ToJson(releaseNotes) }, parameters, new JsonObject(), [rule]);
    }
}
