using System.Text.Json.Nodes;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// A Sentinel playbook (Azure-Sentinel playbook format, sentinel-content-format.md §2.4): a <c>PlaybookName</c>
/// parameter, one <c>Microsoft.Logic/workflows</c> named <c>[parameters('PlaybookName')]</c> at
/// <c>[resourceGroup().location]</c> with the Function App's <b>caller identity</b> (a user-assigned managed identity the
/// Function App template creates and alone allows to call), the Microsoft Sentinel incident trigger through an
/// <c>azuresentinel</c> connection authenticated by that identity, and one HTTP action that POSTs the incident's ARM id
/// to an enrichment function, authenticated with the same identity for the function's Entra audience.
/// </summary>
public static class EnrichmentPlaybookTemplate
{
    /// <summary>Logic App workflow API version.</summary>
    public const string WorkflowApiVersion = "2019-05-01";

    /// <summary>API connection API version.</summary>
    public const string ConnectionApiVersion = "2016-06-01";

    /// <summary>Builds the playbook for <paramref name="functionName"/>; its version is the newest of <paramref name="releaseNotes"/>.</summary>
    public static JsonObject Build(string playbookName, string functionName, string title, string description, IReadOnlyList<string> entities, IReadOnlyList<ReleaseNote> releaseNotes)
    {
        var metadata = new JsonObject
        {
            ["title"] = title,
            ["description"] = description,
            ["prerequisites"] = ArmJson.Strings(
                "Deploy the SentinelAiPack Function App (playbooks/function-app) first, in the same resource group: it creates the caller identity (<FunctionAppName>-callers) this playbook runs as, the only identity the functions accept.",
                "Deploy the pack's parsers and custom tables; the function reads them."),
            ["postDeployment"] = ArmJson.Strings(
                "Grant Microsoft Sentinel 'Microsoft Sentinel Automation Contributor' on this resource group so automation rules can run the playbook.",
                "Deploy the automation rule in playbooks/automation-rules that runs this playbook for the pack's rules."),
            ["lastUpdateTime"] = "2025-07-01T00:00:00.000Z",
            ["entities"] = ArmJson.Strings([.. entities]),
            ["tags"] = ArmJson.Strings("Enrichment", "AI", "SentinelAiPack"),
            ["support"] = new JsonObject { ["tier"] = "community" },
            ["author"] = new JsonObject { ["name"] = "SentinelAiPack maintainers" },
            ["releaseNotes"] = ReleaseNote.ToJson(releaseNotes),
        };
        var parameters = new JsonObject
        {
            ["PlaybookName"] = ArmJson.Parameter("string", "Name of the playbook (Logic App).", playbookName),
            ["FunctionAppName"] = ArmJson.Parameter("string", "Name of the SentinelAiPack Function App (its host is <name>.azurewebsites.net)."),
            ["FunctionAudience"] = ArmJson.Parameter("string", "Resource the playbook requests a token for: the Function App's Entra application (client) id or App ID URI (its v2 tokens carry the client id as audience)."),
            ["CallerIdentityId"] = ArmJson.Parameter("string", "ARM id of the caller identity the Function App template created.", "[" + FunctionAppTemplate.CallerIdentityIdExpression + "]"),
        };
        var variables = new JsonObject
        {
            ["AzureSentinelConnectionName"] = "[concat('azuresentinel-', parameters('PlaybookName'))]",
            ["FunctionUri"] = $"[concat('https://', parameters('FunctionAppName'), '.azurewebsites.net/api/{functionName}')]",
        };
        var connection = new JsonObject
        {
            ["type"] = "Microsoft.Web/connections",
            ["apiVersion"] = ConnectionApiVersion,
            ["name"] = "[variables('AzureSentinelConnectionName')]",
            ["location"] = "[resourceGroup().location]",
            ["kind"] = "V1",
            ["properties"] = new JsonObject
            {
                ["displayName"] = "[variables('AzureSentinelConnectionName')]",
                ["customParameterValues"] = new JsonObject(),
                ["parameterValueType"] = "Alternative",
                ["api"] = new JsonObject { ["id"] = "[subscriptionResourceId('Microsoft.Web/locations/managedApis', resourceGroup().location, 'azuresentinel')]" },
            },
        };
        var workflow = new JsonObject
        {
            ["type"] = "Microsoft.Logic/workflows",
            ["apiVersion"] = WorkflowApiVersion,
            ["name"] = "[parameters('PlaybookName')]",
            ["location"] = "[resourceGroup().location]",
            ["tags"] = new JsonObject { ["hidden-SentinelTemplateName"] = playbookName, ["hidden-SentinelTemplateVersion"] = "1.0" },
            ["identity"] = new JsonObject
            {
                ["type"] = "UserAssigned",
                ["userAssignedIdentities"] = new JsonObject { ["[parameters('CallerIdentityId')]"] = new JsonObject() },
            },
            ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]"),
            ["properties"] = new JsonObject
            {
                ["state"] = "Enabled",
                ["definition"] = Definition(functionName),
                ["parameters"] = new JsonObject
                {
                    ["$connections"] = new JsonObject
                    {
                        ["value"] = new JsonObject
                        {
                            ["azuresentinel"] = new JsonObject
                            {
                                ["connectionId"] = "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]",
                                ["connectionName"] = "[variables('AzureSentinelConnectionName')]",
                                ["id"] = "[subscriptionResourceId('Microsoft.Web/locations/managedApis', resourceGroup().location, 'azuresentinel')]",
                                ["connectionProperties"] = new JsonObject
                                {
                                    ["authentication"] = new JsonObject { ["type"] = "ManagedServiceIdentity", ["identity"] = "[parameters('CallerIdentityId')]" },
                                },
                            },
                        },
                    },
                },
            },
        };
        var outputs = new JsonObject
        {
            ["callerIdentityId"] = new JsonObject { ["type"] = "string", ["value"] = "[parameters('CallerIdentityId')]" },
        };
        return ArmJson.Template(metadata, parameters, variables, [connection, workflow], outputs);
    }

    private static JsonObject Definition(string functionName) => new()
    {
        ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
        ["contentVersion"] = "1.0.0.0",
        ["parameters"] = new JsonObject { ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" } },
        ["triggers"] = new JsonObject
        {
            ["Microsoft_Sentinel_incident"] = new JsonObject
            {
                ["type"] = "ApiConnectionWebhook",
                ["inputs"] = new JsonObject
                {
                    ["body"] = new JsonObject { ["callback_url"] = "@{listCallbackUrl()}" },
                    ["host"] = new JsonObject { ["connection"] = new JsonObject { ["name"] = "@parameters('$connections')['azuresentinel']['connectionId']" } },
                    ["path"] = "/incident-creation",
                },
            },
        },
        ["actions"] = new JsonObject
        {
            ["Enrich_incident"] = new JsonObject
            {
                ["type"] = "Http",
                ["runAfter"] = new JsonObject(),
                ["inputs"] = new JsonObject
                {
                    ["method"] = "POST",
                    ["uri"] = $"[variables('FunctionUri')]",
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = new JsonObject { ["incidentArmId"] = "@triggerBody()?['object']?['id']" },
                    ["authentication"] = new JsonObject
                    {
                        ["type"] = "ManagedServiceIdentity",
                        ["identity"] = "[parameters('CallerIdentityId')]",
                        ["audience"] = "[parameters('FunctionAudience')]",
                    },
                    // 503 means Sentinel or Log Analytics failed: retrying is safe, the comment id is deterministic.
                    ["retryPolicy"] = new JsonObject { ["type"] = "exponential", ["count"] = 4, ["interval"] = "PT30S", ["minimumInterval"] = "PT15S", ["maximumInterval"] = "PT10M" },
                },
                ["limit"] = new JsonObject { ["timeout"] = "PT10M" },
            },
        },
        ["outputs"] = new JsonObject(),
    };
}
