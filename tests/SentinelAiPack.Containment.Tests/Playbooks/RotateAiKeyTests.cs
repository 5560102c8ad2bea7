using System.Text.Json.Nodes;
using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Fakes;
using SentinelAiPack.Containment.Tests.Workflow;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>AIPack-Contain-RotateAIKey against loopback Cognitive Services and API Management control planes.</summary>
public class RotateAiKeyTests
{
    private const string Rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai/providers";
    private const string Account = Rg + "/Microsoft.CognitiveServices/accounts/Contoso-AOAI";
    private const string ApimSubscription = Rg + "/Microsoft.ApiManagement/service/contoso-apim/subscriptions/sub-chat-backend";

    private static Task<PlaybookRun> Run(FakeAiControlPlane arm, string? keyName, params JsonObject[] entities) =>
        PlaybookHarness.RunAsync(ContainmentPlaybooks.RotateAiKey(), Incident.With("AI key used from a new network", 9, entities), ApprovalAnswer.Approve,
            keyName is null ? null : new Dictionary<string, JsonNode?> { ["KeyName"] = keyName }, arm);

    [Test]
    public async Task Approved_regenerates_the_account_key_named_by_KeyName_keeping_the_id_casing()
    {
        var arm = new FakeAiControlPlane();
        arm.AddAccount(Account);
        var result = await Run(arm, null, Incident.Resource(Account));

        Assert.Multiple(() =>
        {
            Assert.That(arm.AccountKeys(Account).Key1, Is.Not.EqualTo("k1-0"));
            Assert.That(arm.AccountKeys(Account).Key2, Is.EqualTo("k2-0"));
            Assert.That(result.Requests.Single().Path, Is.EqualTo(Account + "/regenerateKey"));
            Assert.That(result.Run.HttpCalls.Single().Body!["keyName"]!.GetValue<string>(), Is.EqualTo("Key1"));
            Assert.That(result.CommentText, Does.Contain($"<li>{Account}: Succeeded, HTTP 200</li>"));
        });
    }

    [Test]
    public async Task A_deployment_id_rotates_its_account_and_KeyName_Key2_rotates_the_second_key()
    {
        var arm = new FakeAiControlPlane();
        arm.AddAccount(Account);
        await Run(arm, "Key2", Incident.Resource(Account + "/deployments/gpt-4o-chat"));

        Assert.Multiple(() =>
        {
            Assert.That(arm.AccountKeys(Account).Key1, Is.EqualTo("k1-0"));
            Assert.That(arm.AccountKeys(Account).Key2, Is.Not.EqualTo("k2-0"));
        });
    }

    [Test]
    public async Task Approved_regenerates_both_keys_of_an_API_Management_subscription_primary_first()
    {
        var arm = new FakeAiControlPlane();
        arm.AddApimSubscription(ApimSubscription);
        var result = await Run(arm, null, Incident.Resource(ApimSubscription));

        var subscription = arm.ApimSubscription(ApimSubscription);
        Assert.Multiple(() =>
        {
            Assert.That(subscription["primaryKey"]!.GetValue<string>(), Is.Not.EqualTo("p0"));
            Assert.That(subscription["secondaryKey"]!.GetValue<string>(), Is.Not.EqualTo("s0"));
            Assert.That(result.Requests.Select(r => r.Path), Is.EqualTo(new[] { ApimSubscription + "/regeneratePrimaryKey", ApimSubscription + "/regenerateSecondaryKey" }));
            Assert.That(result.CommentText, Does.Contain($"<li>{ApimSubscription}: Succeeded, HTTP 204</li>"));
        });
    }

    [Test]
    public async Task A_failed_first_key_is_reported_and_the_second_is_not_attempted()
    {
        var arm = new FakeAiControlPlane();
        var result = await Run(arm, null, Incident.Resource(ApimSubscription));

        Assert.Multiple(() =>
        {
            Assert.That(result.Requests.Select(r => r.Path), Is.EqualTo(new[] { ApimSubscription + "/regeneratePrimaryKey" }));
            Assert.That(result.CommentText, Does.Contain($"<li>{ApimSubscription}: Failed, HTTP 404</li>"));
        });
    }
}
