using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

/// <summary>
/// The ARM template of a containment playbook (Azure-Sentinel playbook format): a Logic App with a system-assigned
/// identity, triggered by a Microsoft Sentinel incident (from an automation rule or run by hand on the incident), that
/// selects its targets from the incident, asks an approver by e-mail with the Office 365 Outlook "Send approval email"
/// action (the approval pattern of Azure Logic Apps' approval workflow tutorial), acts on each target only after
/// "Approve", and records what it did - or that it was rejected or not decided - as an incident comment.
/// </summary>
public static class ContainmentPlaybookTemplate
{
    /// <summary>api-version of the Logic App resource.</summary>
    public const string WorkflowApiVersion = "2019-05-01";

    /// <summary>api-version of the API connection resources.</summary>
    public const string ConnectionApiVersion = "2016-06-01";

    /// <summary>Parameter every template declares for the playbook name.</summary>
    public const string PlaybookNameParameter = "PlaybookName";

    /// <summary>Parameter for the approver's address.</summary>
    public const string ApproverParameter = "ApproverEmail";

    /// <summary>How long the approval waits before the playbook gives up (and says so on the incident).</summary>
    public const string ApprovalTimeout = "PT24H";

    /// <summary>The deployable template of <paramref name="playbook"/>.</summary>
    public static JsonObject Build(ContainmentPlaybook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var metadata = new JsonObject
        {
            ["title"] = playbook.Title,
            ["description"] = playbook.Description,
            ["prerequisites"] = Strings(
                "An approver (person or shared mailbox) who decides on containment for AI incidents.",
                "The SentinelAiPack analytics rules, whose incidents carry the entities this playbook acts on."),
            ["postDeployment"] = Strings([
                "Authorize the Office 365 Outlook connection (office365-<PlaybookName>) in the portal; the approval e-mail is sent from that account.",
                "Grant Microsoft Sentinel 'Microsoft Sentinel Automation Contributor' on this resource group so automation rules can run the playbook, and give the playbook's managed identity 'Microsoft Sentinel Responder' on the workspace so it can comment on incidents.",
                .. playbook.Permissions]),
            ["lastUpdateTime"] = "2026-03-01T00:00:00.000Z",
            ["entities"] = Strings([.. playbook.Entities]),
            ["tags"] = Strings("Containment", "AI", "SentinelAiPack"),
            ["support"] = new JsonObject { ["tier"] = "community" },
            ["author"] = new JsonObject { ["name"] = "SentinelAiPack maintainers" },
            ["releaseNotes"] = new JsonArray([.. playbook.ReleaseNotes.Select(n => (JsonNode)new JsonObject
            {
                ["version"] = n.Version,
                ["title"] = n.Title,
                ["notes"] = Strings([.. n.Notes]),
            })]),
        };
        var parameters = new JsonObject
        {
            [PlaybookNameParameter] = Parameter("string", "Name of the playbook (Logic App).", playbook.Name),
            [ApproverParameter] = Parameter("string", "E-mail address of the approver who must approve every containment action."),
        };
        foreach (var (name, definition) in playbook.Parameters)
        {
            parameters[name] = definition!.DeepClone();
        }
        var variables = new JsonObject
        {
            ["AzureSentinelConnectionName"] = "[concat('azuresentinel-', parameters('PlaybookName'))]",
            ["Office365ConnectionName"] = "[concat('office365-', parameters('PlaybookName'))]",
        };
        var workflowParameters = new JsonObject
        {
            ["$connections"] = new JsonObject { ["value"] = Connections() },
            [ApproverParameter] = new JsonObject { ["value"] = $"[parameters('{ApproverParameter}')]" },
        };
        var definitionParameters = new JsonObject
        {
            ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
            [ApproverParameter] = new JsonObject { ["type"] = "String" },
        };
        foreach (var name in playbook.Parameters.Select(p => p.Key))
        {
            workflowParameters[name] = new JsonObject { ["value"] = $"[parameters('{name}')]" };
            definitionParameters[name] = new JsonObject { ["type"] = WdlType(playbook.Parameters[name]!["type"]!.GetValue<string>()) };
        }
        var workflow = new JsonObject
        {
            ["type"] = "Microsoft.Logic/workflows",
            ["apiVersion"] = WorkflowApiVersion,
            ["name"] = "[parameters('PlaybookName')]",
            ["location"] = "[resourceGroup().location]",
            ["tags"] = new JsonObject { ["hidden-SentinelTemplateName"] = playbook.Name, ["hidden-SentinelTemplateVersion"] = "1.0" },
            ["identity"] = new JsonObject { ["type"] = "SystemAssigned" },
            ["dependsOn"] = Strings([
                "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]",
                "[resourceId('Microsoft.Web/connections', variables('Office365ConnectionName'))]",
                .. playbook.DependsOn]),
            ["properties"] = new JsonObject
            {
                ["state"] = "Enabled",
                ["definition"] = Definition(playbook, definitionParameters),
                ["parameters"] = workflowParameters,
            },
        };
        var resources = new JsonArray(SentinelConnection(), Office365Connection());
        foreach (var resource in playbook.Resources)
        {
            resources.Add(resource!.DeepClone());
        }
        resources.Add(workflow);
        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = metadata,
            ["parameters"] = parameters,
            ["variables"] = variables,
            ["resources"] = resources,
            ["outputs"] = new JsonObject
            {
                ["playbookPrincipalId"] = new JsonObject
                {
                    ["type"] = "string",
                    ["value"] = "[reference(resourceId('Microsoft.Logic/workflows', parameters('PlaybookName')), '2019-05-01', 'full').identity.principalId]",
                },
            },
        };
    }

    private static JsonObject Definition(ContainmentPlaybook playbook, JsonObject parameters)
    {
        var approver = Wdl.Inline(Wdl.Html(Wdl.Approver));
        var title = $"SentinelAiPack containment: {playbook.Verb}";
        var loop = new JsonObject
        {
            ["type"] = "Foreach",
            ["runAfter"] = new JsonObject(),
            ["foreach"] = "@body('Targets')",
            ["actions"] = playbook.TargetActions.DeepClone(),
            // One target at a time: the results variable and the order of the comment stay deterministic.
            ["runtimeConfiguration"] = new JsonObject { ["concurrency"] = new JsonObject { ["repetitions"] = 1 } },
        };
        var approved = new JsonObject
        {
            ["For_each_target"] = loop,
            ["Comment_contained"] = Steps.Comment(
                $"<p><b>{title}</b>, approved by {approver}.</p><ul>{Wdl.Inline($"join(variables('{Steps.ResultsVariable}'), '')")}</ul>",
                Steps.After("For_each_target", "Succeeded", "Failed")),
        };
        var rejected = new JsonObject
        {
            ["Comment_rejected"] = Steps.Comment($"<p><b>{title}</b> was rejected by {approver}; nothing was changed.</p>", new JsonObject()),
        };
        var decide = new JsonObject
        {
            ["Send_approval_email"] = new JsonObject
            {
                ["type"] = "ApiConnectionWebhook",
                ["runAfter"] = new JsonObject(),
                ["inputs"] = new JsonObject
                {
                    ["host"] = new JsonObject { ["connection"] = new JsonObject { ["name"] = "@parameters('$connections')['office365']['connectionId']" } },
                    ["path"] = "/approvalmail/$subscriptions",
                    ["body"] = new JsonObject
                    {
                        ["NotificationUrl"] = "@{listCallbackUrl()}",
                        ["Message"] = new JsonObject
                        {
                            ["To"] = $"@parameters('{ApproverParameter}')",
                            ["Subject"] = $"Approve AI containment for incident {Wdl.Inline(Wdl.IncidentNumber)}: {playbook.Verb}",
                            // The e-mail is HTML: target names and the incident title come from logs and are escaped.
                            ["Body"] = $"SentinelAiPack asks to {playbook.Verb} {Wdl.Inline(Wdl.Html("join(body('Target_labels'), ', ')"))} for Microsoft Sentinel incident " +
                                $"{Wdl.Inline(Wdl.IncidentNumber)} ({Wdl.Inline(Wdl.Html("triggerBody()?['object']?['properties']?['title']"))}). Nothing is changed unless you approve.",
                            ["Options"] = "Approve, Reject",
                            ["Importance"] = "High",
                            ["HideHTMLMessage"] = true,
                            ["ShowHTMLConfirmationDialog"] = false,
                        },
                    },
                },
                ["limit"] = new JsonObject { ["timeout"] = ApprovalTimeout },
            },
            ["Approved"] = Steps.If("equals(body('Send_approval_email')?['SelectedOption'], 'Approve')", approved, rejected,
                Steps.After("Send_approval_email", "Succeeded")),
            ["Comment_no_decision"] = Steps.Comment(
                $"<p><b>{title}</b> got no decision within {ApprovalTimeout[2..].ToLowerInvariant()}; nothing was changed.</p>",
                Steps.After("Send_approval_email", "Failed", "TimedOut")),
        };
        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = parameters,
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
                ["Initialize_results"] = new JsonObject
                {
                    ["type"] = "InitializeVariable",
                    ["runAfter"] = new JsonObject(),
                    ["inputs"] = new JsonObject { ["variables"] = new JsonArray(new JsonObject { ["name"] = Steps.ResultsVariable, ["type"] = "array", ["value"] = new JsonArray() }) },
                },
                ["Targets"] = new JsonObject
                {
                    ["type"] = "Query",
                    ["runAfter"] = Steps.After("Initialize_results", "Succeeded"),
                    ["inputs"] = new JsonObject { ["from"] = Wdl.Value(playbook.TargetsFrom), ["where"] = Wdl.Value(playbook.TargetFilter) },
                },
                ["Target_labels"] = new JsonObject
                {
                    ["type"] = "Select",
                    ["runAfter"] = Steps.After("Targets", "Succeeded"),
                    ["inputs"] = new JsonObject { ["from"] = "@body('Targets')", ["select"] = Wdl.Value(playbook.TargetLabel) },
                },
                ["Has_targets"] = Steps.If("greater(length(body('Targets')), 0)", decide,
                    new JsonObject
                    {
                        ["Comment_no_target"] = Steps.Comment(
                            $"<p><b>{title}</b>: the incident has no entity this playbook can act on; nothing was changed.</p>", new JsonObject()),
                    },
                    Steps.After("Target_labels", "Succeeded")),
            },
            ["outputs"] = new JsonObject(),
        };
    }

    private static JsonObject Connections() => new()
    {
        ["azuresentinel"] = new JsonObject
        {
            ["connectionId"] = "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]",
            ["connectionName"] = "[variables('AzureSentinelConnectionName')]",
            ["id"] = "[subscriptionResourceId('Microsoft.Web/locations/managedApis', resourceGroup().location, 'azuresentinel')]",
            ["connectionProperties"] = new JsonObject { ["authentication"] = new JsonObject { ["type"] = "ManagedServiceIdentity" } },
        },
        ["office365"] = new JsonObject
        {
            ["connectionId"] = "[resourceId('Microsoft.Web/connections', variables('Office365ConnectionName'))]",
            ["connectionName"] = "[variables('Office365ConnectionName')]",
            ["id"] = "[subscriptionResourceId('Microsoft.Web/locations/managedApis', resourceGroup().location, 'office365')]",
        },
    };

    private static JsonObject SentinelConnection() => new()
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

    private static JsonObject Office365Connection() => new()
    {
        ["type"] = "Microsoft.Web/connections",
        ["apiVersion"] = ConnectionApiVersion,
        ["name"] = "[variables('Office365ConnectionName')]",
        ["location"] = "[resourceGroup().location]",
        ["kind"] = "V1",
        ["properties"] = new JsonObject
        {
            ["displayName"] = "[variables('Office365ConnectionName')]",
            ["customParameterValues"] = new JsonObject(),
            ["api"] = new JsonObject { ["id"] = "[subscriptionResourceId('Microsoft.Web/locations/managedApis', resourceGroup().location, 'office365')]" },
        },
    };

    /// <summary>An ARM parameter definition.</summary>
    public static JsonObject Parameter(string type, string description, JsonNode? defaultValue = null, JsonArray? allowed = null)
    {
        var parameter = new JsonObject { ["type"] = type };
        if (defaultValue is not null)
        {
            parameter["defaultValue"] = defaultValue;
        }
        if (allowed is not null)
        {
            parameter["allowedValues"] = allowed;
        }
        parameter["metadata"] = new JsonObject { ["description"] = description };
        return parameter;
    }

    private static string WdlType(string armType) => armType.ToLowerInvariant() switch
    {
        "int" => "Int",
        "bool" => "Bool",
        "object" => "Object",
        "array" => "Array",
        _ => "String",
    };

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
