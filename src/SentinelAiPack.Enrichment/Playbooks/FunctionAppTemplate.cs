using System.Text.Json.Nodes;
using SentinelAiPack.Enrichment.Configuration;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// The Function App that hosts the enrichers and the collector: Linux Consumption plan, .NET isolated worker, system-assigned
/// identity, HTTPS only, App Service authentication (Entra ID) in front of the HTTP functions, every AIPACK_* app setting,
/// and least-privilege role assignments: Microsoft Sentinel Responder and Log Analytics Reader on the workspace, Monitoring
/// Metrics Publisher on the inventory data collection rule, Reader on the resource groups of the AI services the
/// collector lists. The workspace and rule may live in other resource groups of the same subscription (nested deployments).
/// </summary>
public static class FunctionAppTemplate
{
    /// <summary>The table the collector writes, through the data collection rule of <see cref="DcrResourceIdParameter"/>.</summary>
    public const string InventoryTable = "AIModelInventory_CL";

    /// <summary>Parameter: ARM id of the inventory table's data collection rule (an output of the custom tables deployment).</summary>
    public const string DcrResourceIdParameter = "DcrResourceId";

    /// <summary>Parameter: logs ingestion URL of the data collection endpoint (an output of the custom tables deployment).</summary>
    public const string IngestionEndpointParameter = "IngestionEndpoint";

    private const string SitesApiVersion = "2023-12-01";
    private const string RoleApiVersion = "2022-04-01";

    /// <summary>Builds the template.</summary>
    public static JsonObject Build()
    {
        var metadata = new JsonObject
        {
            ["title"] = "SentinelAiPack enrichment Function App",
            ["description"] = "Hosts the conversation-context and model-integrity enrichers (HTTP, called by the pack's playbooks) and the model-inventory collector (timer).",
            ["lastUpdateTime"] = "2025-07-01T00:00:00.000Z",
            ["support"] = new JsonObject { ["tier"] = "community" },
            ["author"] = new JsonObject { ["name"] = "SentinelAiPack maintainers" },
        };
        var parameters = new JsonObject
        {
            ["FunctionAppName"] = ArmJson.Parameter("string", "Globally unique name of the Function App."),
            ["WorkspaceName"] = ArmJson.Parameter("string", "Name of the Microsoft Sentinel (Log Analytics) workspace."),
            ["WorkspaceResourceGroup"] = ArmJson.Parameter("string", "Resource group of the workspace (same subscription).", "[resourceGroup().name]"),
            ["AuthClientId"] = ArmJson.Parameter("string", "Client id of the Entra app registration App Service authentication validates tokens for (create it first; see docs/enrichers.md)."),
            ["AuthAudience"] = ArmJson.Parameter("string", "Audience the playbooks request (App ID URI such as api://<client id>, or the client id).", "[concat('api://', parameters('AuthClientId'))]"),
            [DcrResourceIdParameter] = ArmJson.Parameter("string", $"ARM id of the {InventoryTable} data collection rule (from the custom tables deployment)."),
            [IngestionEndpointParameter] = ArmJson.Parameter("string", "Logs ingestion URL of the data collection endpoint (https://<dce>.<region>.ingest.monitor.azure.com)."),
            ["InventoryStream"] = ArmJson.Parameter("string", "Stream of the inventory data collection rule.", "Custom-" + InventoryTable),
            ["OpenAIAccounts"] = ArmJson.Parameter("string", "Comma-separated ARM ids of Azure OpenAI accounts to inventory.", string.Empty),
            ["MachineLearningWorkspaces"] = ArmJson.Parameter("string", "Comma-separated ARM ids of Azure ML workspaces to inventory.", string.Empty),
            ["MachineLearningRegistries"] = ArmJson.Parameter("string", "Comma-separated ARM ids of Azure ML registries their deployments use.", string.Empty),
            ["ModelResourceGroups"] = ArmJson.Parameter("array", "Resource groups (same subscription) of those AI services: the Function App gets Reader on each.", new JsonArray()),
            ["InventorySchedule"] = ArmJson.Parameter("string", "NCRONTAB schedule of the inventory collector.", "0 5 */6 * * *"),
            ["RaiseSeverity"] = ArmJson.Parameter("bool", "Raise incident severity to High when the analyst guide's escalation criteria hold.", false),
            ["InternalDomains"] = ArmJson.Parameter("string", "Comma-separated email domains of the organisation (recipients elsewhere are external).", string.Empty),
            ["PiiPatterns"] = ArmJson.Parameter("string", "Built-in PII patterns to redact: default (all but email), all, none, or a list of email, phone, credit-card, iban, us-ssn.", "default"),
            ["PiiCustomPatterns"] = ArmJson.Parameter("string", "Extra PII patterns as a JSON object of name to .NET regular expression.", string.Empty),
            ["AllowedCallerObjectIds"] = ArmJson.Parameter("string", "Comma-separated object ids of the playbooks' managed identities allowed to call (empty: any authenticated caller).", string.Empty),
            ["PackageUri"] = ArmJson.Parameter("string", "URL of the Functions zip package (WEBSITE_RUN_FROM_PACKAGE); empty when code is published separately.", string.Empty),
        };
        var variables = new JsonObject
        {
            ["StorageName"] = "[concat('aipack', uniqueString(resourceGroup().id, parameters('FunctionAppName')))]",
            ["PlanName"] = "[concat(parameters('FunctionAppName'), '-plan')]",
            ["WorkspaceId"] = "[resourceId(parameters('WorkspaceResourceGroup'), 'Microsoft.OperationalInsights/workspaces', parameters('WorkspaceName'))]",
            ["DcrResourceGroup"] = "[split(parameters('DcrResourceId'), '/')[4]]",
            ["DcrName"] = "[last(split(parameters('DcrResourceId'), '/'))]",
        };
        var storage = new JsonObject
        {
            ["type"] = "Microsoft.Storage/storageAccounts",
            ["apiVersion"] = "2023-05-01",
            ["name"] = "[variables('StorageName')]",
            ["location"] = "[resourceGroup().location]",
            ["sku"] = new JsonObject { ["name"] = "Standard_LRS" },
            ["kind"] = "StorageV2",
            ["properties"] = new JsonObject { ["minimumTlsVersion"] = "TLS1_2", ["allowBlobPublicAccess"] = false, ["supportsHttpsTrafficOnly"] = true },
        };
        var plan = new JsonObject
        {
            ["type"] = "Microsoft.Web/serverfarms",
            ["apiVersion"] = SitesApiVersion,
            ["name"] = "[variables('PlanName')]",
            ["location"] = "[resourceGroup().location]",
            ["kind"] = "functionapp",
            ["sku"] = new JsonObject { ["name"] = "Y1", ["tier"] = "Dynamic" },
            ["properties"] = new JsonObject { ["reserved"] = true },
        };
        var site = new JsonObject
        {
            ["type"] = "Microsoft.Web/sites",
            ["apiVersion"] = SitesApiVersion,
            ["name"] = "[parameters('FunctionAppName')]",
            ["location"] = "[resourceGroup().location]",
            ["kind"] = "functionapp,linux",
            ["identity"] = new JsonObject { ["type"] = "SystemAssigned" },
            ["dependsOn"] = ArmJson.Strings(
                "[resourceId('Microsoft.Web/serverfarms', variables('PlanName'))]",
                "[resourceId('Microsoft.Storage/storageAccounts', variables('StorageName'))]"),
            ["properties"] = new JsonObject
            {
                ["serverFarmId"] = "[resourceId('Microsoft.Web/serverfarms', variables('PlanName'))]",
                ["httpsOnly"] = true,
                ["siteConfig"] = new JsonObject
                {
                    ["linuxFxVersion"] = "DOTNET-ISOLATED|10.0",
                    ["minTlsVersion"] = "1.2",
                    ["ftpsState"] = "Disabled",
                    ["appSettings"] = AppSettings(),
                },
            },
        };
        var auth = new JsonObject
        {
            ["type"] = "Microsoft.Web/sites/config",
            ["apiVersion"] = SitesApiVersion,
            ["name"] = "[concat(parameters('FunctionAppName'), '/authsettingsV2')]",
            ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Web/sites', parameters('FunctionAppName'))]"),
            ["properties"] = new JsonObject
            {
                ["platform"] = new JsonObject { ["enabled"] = true },
                ["globalValidation"] = new JsonObject { ["requireAuthentication"] = true, ["unauthenticatedClientAction"] = "Return401" },
                ["identityProviders"] = new JsonObject
                {
                    ["azureActiveDirectory"] = new JsonObject
                    {
                        ["enabled"] = true,
                        ["registration"] = new JsonObject
                        {
                            ["clientId"] = "[parameters('AuthClientId')]",
                            ["openIdIssuer"] = "[concat('https://sts.windows.net/', subscription().tenantId, '/v2.0')]",
                        },
                        ["validation"] = new JsonObject { ["allowedAudiences"] = ArmJson.Strings("[parameters('AuthAudience')]", "[parameters('AuthClientId')]") },
                    },
                },
            },
        };

        JsonArray resources =
        [
            storage,
            plan,
            site,
            auth,
            RoleDeployment("aipack-workspace-roles", "[parameters('WorkspaceResourceGroup')]", "Microsoft.OperationalInsights/workspaces", "[parameters('WorkspaceName')]",
                [RoleDefinitions.SentinelResponder, RoleDefinitions.LogAnalyticsReader]),
            RoleDeployment("aipack-dcr-roles", "[variables('DcrResourceGroup')]", "Microsoft.Insights/dataCollectionRules", "[variables('DcrName')]",
                [RoleDefinitions.MonitoringMetricsPublisher]),
            ReaderDeployments(),
        ];
        var outputs = new JsonObject
        {
            ["functionAppPrincipalId"] = new JsonObject { ["type"] = "string", ["value"] = "[reference(resourceId('Microsoft.Web/sites', parameters('FunctionAppName')), '2023-12-01', 'full').identity.principalId]" },
            ["functionAppHost"] = new JsonObject { ["type"] = "string", ["value"] = "[concat(parameters('FunctionAppName'), '.azurewebsites.net')]" },
        };
        return ArmJson.Template(metadata, parameters, variables, resources, outputs);
    }

    private static JsonArray AppSettings()
    {
        static JsonObject Setting(string name, string value) => new() { ["name"] = name, ["value"] = value };
        return
        [
            Setting("FUNCTIONS_EXTENSION_VERSION", "~4"),
            Setting("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated"),
            Setting("AzureWebJobsStorage", "[concat('DefaultEndpointsProtocol=https;AccountName=', variables('StorageName'), ';EndpointSuffix=', environment().suffixes.storage, ';AccountKey=', listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('StorageName')), '2023-05-01').keys[0].value)]"),
            Setting("WEBSITE_RUN_FROM_PACKAGE", "[parameters('PackageUri')]"),
            Setting(SettingNames.Credential, "managedidentity"),
            Setting(SettingNames.SentinelWorkspace, "[variables('WorkspaceId')]"),
            Setting(SettingNames.LogAnalyticsWorkspaceId, "[reference(variables('WorkspaceId'), '2022-10-01').customerId]"),
            Setting(SettingNames.RaiseSeverity, "[string(parameters('RaiseSeverity'))]"),
            Setting(SettingNames.InternalDomains, "[parameters('InternalDomains')]"),
            Setting(SettingNames.PiiBuiltIns, "[parameters('PiiPatterns')]"),
            Setting(SettingNames.PiiCustom, "[parameters('PiiCustomPatterns')]"),
            Setting(SettingNames.IngestionEndpoint, "[parameters('IngestionEndpoint')]"),
            Setting(SettingNames.InventoryDcrImmutableId, "[reference(parameters('DcrResourceId'), '2022-06-01').immutableId]"),
            Setting(SettingNames.InventoryStream, "[parameters('InventoryStream')]"),
            Setting(SettingNames.OpenAIAccounts, "[parameters('OpenAIAccounts')]"),
            Setting(SettingNames.MachineLearningWorkspaces, "[parameters('MachineLearningWorkspaces')]"),
            Setting(SettingNames.MachineLearningRegistries, "[parameters('MachineLearningRegistries')]"),
            Setting(SettingNames.InventorySchedule, "[parameters('InventorySchedule')]"),
            Setting(SettingNames.RequireCallerIdentity, "true"),
            Setting(SettingNames.AllowedCallerObjectIds, "[parameters('AllowedCallerObjectIds')]"),
        ];
    }

    // Role assignments on a resource in another resource group: a nested deployment whose assignments use 'scope'.
    private static JsonObject RoleDeployment(string name, string resourceGroup, string resourceType, string resourceName, IReadOnlyList<string> roles)
    {
        var assignments = new JsonArray(roles.Select(role => (JsonNode)new JsonObject
        {
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["apiVersion"] = RoleApiVersion,
            ["name"] = $"[guid(resourceId('{resourceType}', parameters('resourceName')), parameters('principalId'), '{role}')]",
            ["scope"] = $"[concat('{resourceType}/', parameters('resourceName'))]",
            ["properties"] = new JsonObject
            {
                ["roleDefinitionId"] = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{role}')]",
                ["principalId"] = "[parameters('principalId')]",
                ["principalType"] = "ServicePrincipal",
            },
        }).ToArray());
        return NestedDeployment(name, resourceGroup, new JsonObject
        {
            ["resourceName"] = new JsonObject { ["value"] = resourceName },
            ["principalId"] = new JsonObject { ["value"] = "[reference(resourceId('Microsoft.Web/sites', parameters('FunctionAppName')), '2023-12-01', 'full').identity.principalId]" },
        }, new JsonObject
        {
            ["resourceName"] = new JsonObject { ["type"] = "string" },
            ["principalId"] = new JsonObject { ["type"] = "string" },
        }, assignments);
    }

    private static JsonObject ReaderDeployments()
    {
        var deployment = NestedDeployment("[concat('aipack-reader-', copyIndex())]", "[parameters('ModelResourceGroups')[copyIndex()]]", new JsonObject
        {
            ["principalId"] = new JsonObject { ["value"] = "[reference(resourceId('Microsoft.Web/sites', parameters('FunctionAppName')), '2023-12-01', 'full').identity.principalId]" },
        }, new JsonObject { ["principalId"] = new JsonObject { ["type"] = "string" } },
        [
            new JsonObject
            {
                ["type"] = "Microsoft.Authorization/roleAssignments",
                ["apiVersion"] = RoleApiVersion,
                ["name"] = $"[guid(resourceGroup().id, parameters('principalId'), '{RoleDefinitions.Reader}')]",
                ["properties"] = new JsonObject
                {
                    ["roleDefinitionId"] = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{RoleDefinitions.Reader}')]",
                    ["principalId"] = "[parameters('principalId')]",
                    ["principalType"] = "ServicePrincipal",
                },
            },
        ]);
        deployment["copy"] = new JsonObject { ["name"] = "readerPerResourceGroup", ["count"] = "[length(parameters('ModelResourceGroups'))]" };
        return deployment;
    }

    private static JsonObject NestedDeployment(string name, string resourceGroup, JsonObject values, JsonObject declarations, JsonArray resources) => new()
    {
        ["type"] = "Microsoft.Resources/deployments",
        ["apiVersion"] = "2022-09-01",
        ["name"] = name,
        ["resourceGroup"] = resourceGroup,
        ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Web/sites', parameters('FunctionAppName'))]"),
        ["properties"] = new JsonObject
        {
            ["mode"] = "Incremental",
            ["expressionEvaluationOptions"] = new JsonObject { ["scope"] = "inner" },
            ["parameters"] = values,
            ["template"] = new JsonObject
            {
                ["$schema"] = ArmJson.Schema,
                ["contentVersion"] = "1.0.0.0",
                ["parameters"] = declarations,
                ["resources"] = resources,
            },
        },
    };
}
