using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

public static partial class ContainmentPlaybooks
{
    /// <summary>Suspends API Management subscriptions (an agent's gateway key) and routes no traffic to Azure ML online deployments.</summary>
    public static ContainmentPlaybook DisableAgentOrDeployment()
    {
        // The endpoint id and the deployment name keep the id's own casing (traffic keys are deployment names).
        var cut = $"lastIndexOf({LowerTargetResourceId}, '/deployments/')";
        var endpointId = $"substring({TargetResourceId}, 0, {cut})";
        var deployment = $"substring({TargetResourceId}, add({cut}, {"/deployments/".Length}))";
        var endpoint = "body('Get_endpoint')";
        var share = $"coalesce({endpoint}?['properties']?['traffic']?[{deployment}], 0)";
        var properties = $"{endpoint}?['properties']";
        var stopped = $"setProperty(setProperty({properties}, 'traffic', setProperty(coalesce({properties}?['traffic'], json('{{}}')), {deployment}, 0)), " +
            $"'mirrorTraffic', setProperty(coalesce({properties}?['mirrorTraffic'], json('{{}}')), {deployment}, 0))";
        return new()
        {
            Name = "AIPack-Contain-DisableAgentOrDeployment",
            Title = "Contain an AI incident: disable the agent's gateway subscription or the model deployment",
            Description = "After approval, suspends each API Management subscription of the incident (the key an agent or application calls the model gateway with), and stops each Azure Machine Learning online deployment of the incident from serving: its live and mirrored traffic is set to 0% without deleting it. An endpoint's traffic must add up to 100% (or 0%), so a deployment that shares live traffic with others is left alone and the comment says to move the traffic by hand. Both actions are reversible: reactivate the subscription, restore the traffic split.",
            Verb = "disable",
            TargetFilter = $"and({Entity("AzureResource")}, {ArmIdShape(ResourceId)}, or({IsApimSubscription(ResourceId)}, {IsMlOnlineDeployment(ResourceId)}))",
            TargetLabel = ResourceId,
            TargetActions = new JsonObject
            {
                ["Subscription_or_deployment"] = Steps.If(IsApimSubscription(TargetResourceId),
                    new JsonObject
                    {
                        ["Suspend_subscription"] = Steps.Http("PATCH",
                            $"https://management.azure.com{Wdl.Inline(TargetResourceId)}?api-version={ApiVersions.ApiManagement}", Steps.ArmAudience,
                            new JsonObject { ["properties"] = new JsonObject { ["state"] = "suspended" } },
                            // Subscription - Update requires If-Match; '*' updates whatever the current version is.
                            new JsonObject { ["If-Match"] = "*" }),
                        ["Record_suspend"] = Steps.Record("Suspend_subscription", TargetResourceId),
                    },
                    new JsonObject
                    {
                        ["Get_endpoint"] = Steps.Http("GET", $"https://management.azure.com{Wdl.Inline(endpointId)}?api-version={ApiVersions.MachineLearning}", Steps.ArmAudience),
                        ["Serves_alone"] = Steps.If($"or(equals({share}, 0), equals({share}, 100))",
                            new JsonObject
                            {
                                ["Stop_traffic"] = Steps.Http("PUT", $"https://management.azure.com{Wdl.Inline(endpointId)}?api-version={ApiVersions.MachineLearning}",
                                    Steps.ArmAudience, Wdl.Value($"setProperty({endpoint}, 'properties', {stopped})")),
                                ["Record_traffic"] = Steps.Record("Stop_traffic", TargetResourceId),
                            },
                            new JsonObject
                            {
                                ["Record_shared_traffic"] = Steps.Note(TargetResourceId,
                                    $"not changed, it takes {Wdl.Inline(share)}% of the endpoint's traffic together with other deployments; move the traffic by hand"),
                            },
                            Steps.After("Get_endpoint", "Succeeded")),
                        ["Record_endpoint_failure"] = Steps.Record("Get_endpoint", TargetResourceId, Steps.After("Get_endpoint", "Failed", "TimedOut")),
                    }),
            },
            Entities = ["azureresource"],
            Permissions = [
                "Give the playbook's managed identity 'API Management Service Contributor' on the API Management services whose subscriptions it may suspend.",
                "Give it 'AzureML Data Scientist' (or Contributor) on the Azure Machine Learning workspaces whose online endpoints it may change."],
            ReleaseNotes = [new("1.0.0", InitialRelease, ["Suspends API Management subscriptions and stops traffic to Azure ML online deployments after approval."])],
        };
    }
}
