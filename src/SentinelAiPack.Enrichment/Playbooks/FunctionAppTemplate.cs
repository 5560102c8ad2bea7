using System.Text.Json.Nodes;
using SentinelAiPack.Enrichment.Configuration;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// The Function App that hosts the enrichers and the collector, locked down: a Flex Consumption plan (.NET isolated 10),
/// system-assigned identity, HTTPS only; host storage and the deployment package reached by that identity
/// (<c>AzureWebJobsStorage__accountName</c>, Storage Blob Data Owner) on an account with shared-key access disabled, so
/// no account key exists in any setting; and a user-assigned <b>caller identity</b> for the playbooks: App Service
/// authentication (authsettingsV2) accepts only Entra v2 tokens of the tenant for the registration's client id, and
/// only from that identity (<c>allowedPrincipals</c> = its object id, <c>allowedApplications</c> = its client id);
/// the functions check the same again (<c>AIPACK_ALLOWED_CALLER_*</c>, <see cref="Hosting.CallerAuthorization"/>).
/// Role assignments as before: Microsoft Sentinel Responder and Log Analytics Reader on the workspace, Monitoring Metrics
/// Publisher on the inventory data collection rule, Reader on the resource groups of the AI services the collector lists.
/// The workspace and rule may live in other resource groups of the same subscription (nested deployments).
/// </summary>
public static class FunctionAppTemplate
{
    /// <summary>The table the collector writes, through the data collection rule of <see cref="DcrResourceIdParameter"/>.</summary>
    public const string InventoryTable = "AIModelInventory_CL";

    /// <summary>Parameter: ARM id of the inventory table's data collection rule (an output of the custom tables deployment).</summary>
    public const string DcrResourceIdParameter = "DcrResourceId";

    /// <summary>Parameter: logs ingestion URL of the data collection endpoint (an output of the custom tables deployment).</summary>
    public const string IngestionEndpointParameter = "IngestionEndpoint";

    /// <summary>Name of the playbooks' caller identity: the Function App's name plus this suffix (the playbooks derive it the same way).</summary>
    public const string CallerIdentitySuffix = "-callers";

    /// <summary>The caller identity's resource id from a template's <c>FunctionAppName</c> parameter (same resource group).</summary>
    public const string CallerIdentityIdExpression = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', concat(parameters('FunctionAppName'), '" + CallerIdentitySuffix + "'))";

    private const string SitesApiVersion = "2023-12-01";
    private const string RoleApiVersion = "2022-04-01";
    private const string StorageApiVersion = "2023-05-01";
    private const string IdentityApiVersion = "2023-01-31";
    private const string DeploymentContainer = "app-package";
    private const string SitePrincipal = "[reference(resourceId('Microsoft.Web/sites', parameters('FunctionAppName')), '" + SitesApiVersion + "', 'full').identity.principalId]";
    private const string CallerPrincipal = "[reference(variables('CallerIdentityId'), '" + IdentityApiVersion + "').principalId]";
    private const string CallerClientId = "[reference(variables('CallerIdentityId'), '" + IdentityApiVersion + "').clientId]";

    /// <summary>Builds the template.</summary>
    public static JsonObject Build()
    {
        var metadata = new JsonObject
        {
            ["title"] = "SentinelAiPack enrichment Function App",
            ["description"] = "Hosts the conversation-context and model-integrity enrichers (HTTP, callable only by the pack's playbooks through their caller identity) and the model-inventory collector (timer).",
            ["lastUpdateTime"] = "2025-07-01T00:00:00.000Z",
            ["support"] = new JsonObject { ["tier"] = "community" },
            ["author"] = new JsonObject { ["name"] = "SentinelAiPack maintainers" },
        };
        var parameters = new JsonObject
        {
            ["FunctionAppName"] = ArmJson.Parameter("string", "Globally unique name of the Function App."),
            ["WorkspaceName"] = ArmJson.Parameter("string", "Name of the Microsoft Sentinel (Log Analytics) workspace."),
            ["WorkspaceResourceGroup"] = ArmJson.Parameter("string", "Resource group of the workspace (same subscription).", "[resourceGroup().name]"),
            ["AuthClientId"] = ArmJson.Parameter("string", "Client id of the Entra app registration App Service authentication validates tokens for (create it first, with requestedAccessTokenVersion 2; see docs/enrichers.md). Entra v2 tokens carry it as their audience."),
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
            ["MaximumInstanceCount"] = ArmJson.Parameter("int", "Most instances the Flex Consumption plan scales out to.", 40),
        };
        var variables = new JsonObject
        {
            ["StorageName"] = "[concat('aipack', uniqueString(resourceGroup().id, parameters('FunctionAppName')))]",
            ["PlanName"] = "[concat(parameters('FunctionAppName'), '-plan')]",
            ["CallerIdentityName"] = $"[concat(parameters('FunctionAppName'), '{CallerIdentitySuffix}')]",
            ["CallerIdentityId"] = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('CallerIdentityName'))]",
            ["WorkspaceId"] = "[resourceId(parameters('WorkspaceResourceGroup'), 'Microsoft.OperationalInsights/workspaces', parameters('WorkspaceName'))]",
            ["DcrResourceGroup"] = "[split(parameters('DcrResourceId'), '/')[4]]",
            ["DcrName"] = "[last(split(parameters('DcrResourceId'), '/'))]",
            ["Issuer"] = "[concat(environment().authentication.loginEndpoint, subscription().tenantId, '/v2.0')]",
        };
        var storage = new JsonObject
        {
            ["type"] = "Microsoft.Storage/storageAccounts",
            ["apiVersion"] = StorageApiVersion,
            ["name"] = "[variables('StorageName')]",
            ["location"] = "[resourceGroup().location]",
            ["sku"] = new JsonObject { ["name"] = "Standard_LRS" },
            ["kind"] = "StorageV2",
            ["properties"] = new JsonObject
            {
                ["minimumTlsVersion"] = "TLS1_2",
                ["allowBlobPublicAccess"] = false,
                ["supportsHttpsTrafficOnly"] = true,
                // No account key can be used: every access is by Entra identity.
                ["allowSharedKeyAccess"] = false,
                ["defaultToOAuthAuthentication"] = true,
            },
        };
        var container = new JsonObject
        {
            ["type"] = "Microsoft.Storage/storageAccounts/blobServices/containers",
            ["apiVersion"] = StorageApiVersion,
            ["name"] = $"[concat(variables('StorageName'), '/default/{DeploymentContainer}')]",
            ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Storage/storageAccounts', variables('StorageName'))]"),
            ["properties"] = new JsonObject { ["publicAccess"] = "None" },
        };
        var plan = new JsonObject
        {
            ["type"] = "Microsoft.Web/serverfarms",
            ["apiVersion"] = SitesApiVersion,
            ["name"] = "[variables('PlanName')]",
            ["location"] = "[resourceGroup().location]",
            ["kind"] = "functionapp",
            ["sku"] = new JsonObject { ["name"] = "FC1", ["tier"] = "FlexConsumption" },
            ["properties"] = new JsonObject { ["reserved"] = true },
        };
        var callerIdentity = new JsonObject
        {
            ["type"] = "Microsoft.ManagedIdentity/userAssignedIdentities",
            ["apiVersion"] = IdentityApiVersion,
            ["name"] = "[variables('CallerIdentityName')]",
            ["location"] = "[resourceGroup().location]",
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
                "[resourceId('Microsoft.Storage/storageAccounts', variables('StorageName'))]",
                "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('CallerIdentityName'))]"),
            ["properties"] = new JsonObject
            {
                ["serverFarmId"] = "[resourceId('Microsoft.Web/serverfarms', variables('PlanName'))]",
                ["httpsOnly"] = true,
                ["functionAppConfig"] = new JsonObject
                {
                    ["deployment"] = new JsonObject
                    {
                        ["storage"] = new JsonObject
                        {
                            ["type"] = "blobContainer",
                            ["value"] = $"[concat(reference(resourceId('Microsoft.Storage/storageAccounts', variables('StorageName')), '{StorageApiVersion}').primaryEndpoints.blob, '{DeploymentContainer}')]",
                            ["authentication"] = new JsonObject { ["type"] = "SystemAssignedIdentity" },
                        },
                    },
                    ["scaleAndConcurrency"] = new JsonObject { ["maximumInstanceCount"] = "[parameters('MaximumInstanceCount')]", ["instanceMemoryMB"] = 2048 },
                    ["runtime"] = new JsonObject { ["name"] = "dotnet-isolated", ["version"] = "10.0" },
                },
                ["siteConfig"] = new JsonObject
                {
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
            ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Web/sites', parameters('FunctionAppName'))]", "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('CallerIdentityName'))]"),
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
                            // The v2 endpoint's issuer; with it, a v2 token's audience is the client id.
                            ["openIdIssuer"] = "[variables('Issuer')]",
                        },
                        ["validation"] = new JsonObject
                        {
                            ["allowedAudiences"] = ArmJson.Strings("[parameters('AuthClientId')]"),
                            ["jwtClaimChecks"] = new JsonObject { ["allowedClientApplications"] = ArmJson.Strings(CallerClientId) },
                            // Default deny: only the playbooks' caller identity, by client id and object id.
                            ["defaultAuthorizationPolicy"] = new JsonObject
                            {
                                ["allowedApplications"] = ArmJson.Strings(CallerClientId),
                                ["allowedPrincipals"] = new JsonObject { ["identities"] = ArmJson.Strings(CallerPrincipal) },
                            },
                        },
                    },
                },
            },
        };
        var storageRole = new JsonObject
        {
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["apiVersion"] = RoleApiVersion,
            ["name"] = $"[guid(resourceId('Microsoft.Storage/storageAccounts', variables('StorageName')), parameters('FunctionAppName'), '{RoleDefinitions.StorageBlobDataOwner}')]",
            ["scope"] = "[concat('Microsoft.Storage/storageAccounts/', variables('StorageName'))]",
            ["dependsOn"] = ArmJson.Strings("[resourceId('Microsoft.Web/sites', parameters('FunctionAppName'))]", "[resourceId('Microsoft.Storage/storageAccounts', variables('StorageName'))]"),
            ["properties"] = new JsonObject
            {
                ["roleDefinitionId"] = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{RoleDefinitions.StorageBlobDataOwner}')]",
                ["principalId"] = SitePrincipal,
                ["principalType"] = "ServicePrincipal",
            },
        };

        JsonArray resources =
        [
            storage,
            container,
            plan,
            callerIdentity,
            site,
            auth,
            storageRole,
            RoleDeployment("aipack-workspace-roles", "[parameters('WorkspaceResourceGroup')]", "Microsoft.OperationalInsights/workspaces", "[parameters('WorkspaceName')]",
                [RoleDefinitions.SentinelResponder, RoleDefinitions.LogAnalyticsReader]),
            RoleDeployment("aipack-dcr-roles", "[variables('DcrResourceGroup')]", "Microsoft.Insights/dataCollectionRules", "[variables('DcrName')]",
                [RoleDefinitions.MonitoringMetricsPublisher]),
            ReaderDeployments(),
        ];
        var outputs = new JsonObject
        {
            ["functionAppPrincipalId"] = new JsonObject { ["type"] = "string", ["value"] = SitePrincipal },
            ["functionAppHost"] = new JsonObject { ["type"] = "string", ["value"] = "[concat(parameters('FunctionAppName'), '.azurewebsites.net')]" },
            ["callerIdentityId"] = new JsonObject { ["type"] = "string", ["value"] = "[variables('CallerIdentityId')]" },
            ["callerPrincipalId"] = new JsonObject { ["type"] = "string", ["value"] = CallerPrincipal },
            ["callerClientId"] = new JsonObject { ["type"] = "string", ["value"] = CallerClientId },
        };
        return ArmJson.Template(metadata, parameters, variables, resources, outputs);
    }

    private static JsonArray AppSettings()
    {
        static JsonObject Setting(string name, string value) => new() { ["name"] = name, ["value"] = value };
        return
        [
            // Host storage by the site's identity: no connection string, no key (the account allows none).
            Setting("AzureWebJobsStorage__accountName", "[variables('StorageName')]"),
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
            Setting(SettingNames.AuthTenantId, "[subscription().tenantId]"),
            Setting(SettingNames.AuthClientId, "[parameters('AuthClientId')]"),
            Setting(SettingNames.AuthAuthority, "[environment().authentication.loginEndpoint]"),
            Setting(SettingNames.AllowedCallerObjectIds, CallerPrincipal),
            Setting(SettingNames.AllowedCallerAppIds, CallerClientId),
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
            ["principalId"] = new JsonObject { ["value"] = SitePrincipal },
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
            ["principalId"] = new JsonObject { ["value"] = SitePrincipal },
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
