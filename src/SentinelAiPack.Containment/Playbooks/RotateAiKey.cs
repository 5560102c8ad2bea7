using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

public static partial class ContainmentPlaybooks
{
    /// <summary>Regenerates Azure OpenAI / AI services account keys and API Management subscription keys.</summary>
    public static ContainmentPlaybook RotateAiKey()
    {
        // The account id (an entity may name a deployment below it), in the id's own casing.
        const string Provider = "/providers/microsoft.cognitiveservices/accounts/";
        var start = $"add(indexOf({LowerTargetResourceId}, '{Provider}'), {Provider.Length})";
        var account = $"concat(substring({TargetResourceId}, 0, {start}), first(split(substring({TargetResourceId}, {start}), '/')))";
        return new()
        {
            Name = "AIPack-Contain-RotateAIKey",
            Title = "Contain an AI incident: rotate the AI service key",
            Description = "After approval, regenerates the key of each Azure OpenAI / Azure AI services account of the incident (regenerateKey, the key named by KeyName) and both keys of each API Management subscription of the incident. Applications that use the old key stop working until they get the new one from Key Vault or the portal: plan with the owner.",
            Verb = "rotate the keys of",
            TargetFilter = $"and({Entity("AzureResource")}, {ArmIdShape(ResourceId)}, or({IsCognitiveServicesAccount(ResourceId)}, {IsApimSubscription(ResourceId)}))",
            TargetLabel = ResourceId,
            Parameters = new JsonObject
            {
                ["KeyName"] = ContainmentPlaybookTemplate.Parameter("string", "Which Azure OpenAI / AI services account key to regenerate.", "Key1", new JsonArray("Key1", "Key2")),
            },
            TargetActions = new JsonObject
            {
                ["Account_or_subscription"] = Steps.If(IsCognitiveServicesAccount(TargetResourceId),
                    new JsonObject
                    {
                        ["Regenerate_account_key"] = Steps.Http("POST",
                            $"https://management.azure.com{Wdl.Inline(account)}/regenerateKey?api-version={ApiVersions.CognitiveServices}", Steps.ArmAudience,
                            new JsonObject { ["keyName"] = "@parameters('KeyName')" }),
                        ["Record_account_key"] = Steps.Record("Regenerate_account_key", account),
                    },
                    new JsonObject
                    {
                        ["Regenerate_primary_key"] = Steps.Http("POST",
                            $"https://management.azure.com{Wdl.Inline(TargetResourceId)}/regeneratePrimaryKey?api-version={ApiVersions.ApiManagement}", Steps.ArmAudience),
                        ["Regenerate_secondary_key"] = Steps.Http("POST",
                            $"https://management.azure.com{Wdl.Inline(TargetResourceId)}/regenerateSecondaryKey?api-version={ApiVersions.ApiManagement}", Steps.ArmAudience,
                            runAfter: Steps.After("Regenerate_primary_key", "Succeeded")),
                        ["Record_subscription_keys"] = Steps.Record("Regenerate_secondary_key", TargetResourceId),
                        ["Record_primary_key_failure"] = Steps.Record("Regenerate_primary_key", TargetResourceId,
                            Steps.After("Regenerate_primary_key", "Failed", "TimedOut")),
                    }),
            },
            Entities = ["azureresource"],
            Permissions = [
                "Give the playbook's managed identity 'Cognitive Services Contributor' on the Azure OpenAI / AI services accounts whose keys it may rotate.",
                "Give it 'API Management Service Contributor' on the API Management services whose subscription keys it may rotate."],
            ReleaseNotes = [new("1.0.0", InitialRelease, ["Regenerates Azure OpenAI / AI services account keys and API Management subscription keys after approval."])],
        };
    }
}
