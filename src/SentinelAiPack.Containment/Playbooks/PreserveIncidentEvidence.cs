using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

public static partial class ContainmentPlaybooks
{
    /// <summary>Writes the incident, its alerts, entities and comments to a container with a time-based retention policy.</summary>
    public static ContainmentPlaybook PreserveIncidentEvidence()
    {
        var incident = Wdl.IncidentArmId;
        var arm = $"https://management.azure.com{Wdl.Inline(incident)}";
        return new()
        {
            Name = "AIPack-Contain-PreserveIncidentEvidence",
            Title = "Contain an AI incident: preserve the incident's evidence in immutable storage",
            Description = "After approval, writes a snapshot of the incident - its properties, alerts (with the rule's query results summary and custom details), entities and comments - as one JSON file to a storage container under a time-based retention (WORM) policy the template deploys, so the evidence survives the workspace's retention and any later edit. Lock the policy once it is tested.",
            Verb = "preserve the evidence of",
            TargetsFrom = "createArray(triggerBody()?['object'])",
            TargetFilter = "not(empty(item()?['id']))",
            TargetLabel = "item()?['properties']?['incidentNumber']",
            Parameters = new JsonObject
            {
                ["RetentionDays"] = ContainmentPlaybookTemplate.Parameter("int", "Days every evidence file is kept immutable.", 365),
                ["EvidenceStorageAccount"] = ContainmentPlaybookTemplate.Parameter("string", "Name of the storage account for evidence (created by this template; 3-24 lower-case letters and digits).", "[concat('aipackevid', uniqueString(resourceGroup().id))]"),
            },
            Resources = EvidenceStorage(),
            DependsOn = ["[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('EvidenceStorageAccount'), 'default', 'evidence')]"],
            TargetActions = new JsonObject
            {
                ["Get_alerts"] = Steps.Http("POST", $"{arm}/alerts?api-version={ApiVersions.Sentinel}", Steps.ArmAudience),
                ["Get_entities"] = Steps.Http("POST", $"{arm}/entities?api-version={ApiVersions.Sentinel}", Steps.ArmAudience, runAfter: Steps.After("Get_alerts", "Succeeded")),
                ["Get_comments"] = Steps.Http("GET", $"{arm}/comments?api-version={ApiVersions.Sentinel}", Steps.ArmAudience, runAfter: Steps.After("Get_entities", "Succeeded")),
                ["Write_snapshot"] = Steps.Http("PUT",
                    $"https://{Wdl.Inline("parameters('EvidenceStorageAccount')")}.blob.core.windows.net/evidence/incident-{Wdl.Inline(Wdl.IncidentNumber)}/{Wdl.Inline("utcNow('yyyyMMddTHHmmssZ')")}.json",
                    Steps.StorageAudience,
                    new JsonObject
                    {
                        ["incident"] = "@triggerBody()?['object']",
                        ["alerts"] = "@body('Get_alerts')",
                        ["entities"] = "@body('Get_entities')",
                        ["comments"] = "@body('Get_comments')",
                        ["approvedBy"] = Wdl.Value(Wdl.Approver),
                        ["preservedAt"] = "@utcNow()",
                    },
                    new JsonObject { ["x-ms-version"] = ApiVersions.BlobStorage, ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = "application/json" },
                    Steps.After("Get_comments", "Succeeded")),
                ["Record_snapshot"] = Steps.Record("Write_snapshot", Wdl.IncidentNumber),
                ["Record_read_failure"] = Steps.Note(Wdl.IncidentNumber, "the incident could not be read (alerts, entities or comments); no snapshot was written",
                    new JsonObject
                    {
                        ["Get_comments"] = new JsonArray("Failed", "TimedOut", "Skipped"),
                    }),
            },
            Entities = ["account", "ip", "url", "azureresource", "cloudapplication"],
            Permissions = [
                "Give the playbook's managed identity 'Microsoft Sentinel Reader' on the workspace so it can read the incident's alerts, entities and comments.",
                "The template gives it 'Storage Blob Data Contributor' on the evidence account; lock the container's immutability policy after the first successful run."],
            ReleaseNotes = [new("1.0.0", InitialRelease, ["Writes the incident, its alerts, entities and comments to immutable storage after approval."])],
        };
    }

    /// <summary>The evidence storage account: no shared keys, no public access, TLS 1.2, a container with a time-based retention policy.</summary>
    private static JsonArray EvidenceStorage()
    {
        const string Contributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
        return
        [
            new JsonObject
            {
                ["type"] = "Microsoft.Storage/storageAccounts",
                ["apiVersion"] = "2023-05-01",
                ["name"] = "[parameters('EvidenceStorageAccount')]",
                ["location"] = "[resourceGroup().location]",
                ["sku"] = new JsonObject { ["name"] = "Standard_ZRS" },
                ["kind"] = "StorageV2",
                ["properties"] = new JsonObject
                {
                    ["allowBlobPublicAccess"] = false,
                    ["allowSharedKeyAccess"] = false,
                    ["minimumTlsVersion"] = "TLS1_2",
                    ["supportsHttpsTrafficOnly"] = true,
                },
            },
            new JsonObject
            {
                ["type"] = "Microsoft.Storage/storageAccounts/blobServices/containers",
                ["apiVersion"] = "2023-05-01",
                ["name"] = "[concat(parameters('EvidenceStorageAccount'), '/default/evidence')]",
                ["dependsOn"] = new JsonArray("[resourceId('Microsoft.Storage/storageAccounts', parameters('EvidenceStorageAccount'))]"),
                ["properties"] = new JsonObject { ["publicAccess"] = "None" },
            },
            new JsonObject
            {
                ["type"] = "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies",
                ["apiVersion"] = "2023-05-01",
                ["name"] = "[concat(parameters('EvidenceStorageAccount'), '/default/evidence/default')]",
                ["dependsOn"] = new JsonArray("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('EvidenceStorageAccount'), 'default', 'evidence')]"),
                ["properties"] = new JsonObject { ["immutabilityPeriodSinceCreationInDays"] = "[parameters('RetentionDays')]", ["allowProtectedAppendWrites"] = false },
            },
            new JsonObject
            {
                ["type"] = "Microsoft.Authorization/roleAssignments",
                ["apiVersion"] = "2022-04-01",
                ["name"] = "[guid(resourceId('Microsoft.Storage/storageAccounts', parameters('EvidenceStorageAccount')), parameters('PlaybookName'), '" + Contributor + "')]",
                ["scope"] = "[resourceId('Microsoft.Storage/storageAccounts', parameters('EvidenceStorageAccount'))]",
                ["dependsOn"] = new JsonArray("[resourceId('Microsoft.Logic/workflows', parameters('PlaybookName'))]"),
                ["properties"] = new JsonObject
                {
                    ["roleDefinitionId"] = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '" + Contributor + "')]",
                    ["principalId"] = "[reference(resourceId('Microsoft.Logic/workflows', parameters('PlaybookName')), '2019-05-01', 'full').identity.principalId]",
                    ["principalType"] = "ServicePrincipal",
                },
            },
        ];
    }
}
