using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Fakes;
using SentinelAiPack.Containment.Tests.Workflow;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>AIPack-Contain-DisableAgentOrDeployment against loopback API Management and Azure ML control planes.</summary>
public class DisableAgentOrDeploymentTests
{
    private const string Rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai/providers";
    private const string ApimSubscription = Rg + "/Microsoft.ApiManagement/service/contoso-apim/subscriptions/sub-agent-7";
    private const string Endpoint = Rg + "/Microsoft.MachineLearningServices/workspaces/ml-prod/onlineEndpoints/fraud-scorer";

    private static Task<PlaybookRun> Run(FakeAiControlPlane arm, params System.Text.Json.Nodes.JsonObject[] entities) =>
        PlaybookHarness.RunAsync(ContainmentPlaybooks.DisableAgentOrDeployment(), Incident.With("Agent tool abuse", 7, entities), ApprovalAnswer.Approve, fakes: arm);

    [Test]
    public async Task Approved_suspends_the_API_Management_subscription_of_the_agent()
    {
        var arm = new FakeAiControlPlane();
        arm.AddApimSubscription(ApimSubscription);
        var result = await Run(arm, Incident.Resource(ApimSubscription));

        Assert.Multiple(() =>
        {
            Assert.That(arm.ApimSubscription(ApimSubscription)["state"]!.GetValue<string>(), Is.EqualTo("suspended"));
            Assert.That(result.Requests.Select(r => (r.Method, r.Path, r.Audience)),
                Is.EqualTo(new[] { ("PATCH", ApimSubscription, "https://management.azure.com") }));
            Assert.That(result.CommentText, Does.Contain($"<li>{ApimSubscription}: Succeeded, HTTP 200</li>"));
        });
    }

    [Test]
    public async Task A_deployment_taking_all_live_traffic_stops_serving_without_being_deleted()
    {
        var arm = new FakeAiControlPlane();
        arm.AddEndpoint(Endpoint, new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 });
        var result = await Run(arm, Incident.Resource(Endpoint + "/deployments/blue"));

        var endpoint = arm.Endpoint(Endpoint);
        Assert.Multiple(() =>
        {
            Assert.That(endpoint["properties"]!["traffic"]!["blue"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(endpoint["properties"]!["mirrorTraffic"]!["blue"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(endpoint["properties"]!["authMode"]!.GetValue<string>(), Is.EqualTo("Key"), "the PUT keeps the endpoint's other properties");
            Assert.That(result.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET", "PUT" }));
            Assert.That(result.CommentText, Does.Contain("/deployments/blue: Succeeded, HTTP 200"));
        });
    }

    [Test]
    public async Task A_deployment_sharing_live_traffic_is_left_alone_with_a_note_to_move_it_by_hand()
    {
        var arm = new FakeAiControlPlane();
        arm.AddEndpoint(Endpoint, new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 });
        var result = await Run(arm, Incident.Resource(Endpoint + "/deployments/green"));

        Assert.Multiple(() =>
        {
            Assert.That(arm.Endpoint(Endpoint)["properties"]!["traffic"]!["green"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(result.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET" }));
            Assert.That(result.CommentText, Does.Contain("not changed, it takes 10% of the endpoint's traffic together with other deployments"));
        });
    }

    [TestCase(Rg + "/Microsoft.Storage/storageAccounts/kb")]
    [TestCase(Endpoint + "/deployments/blue/extra")]
    [TestCase(Endpoint + "/deployments/")]
    [TestCase("/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/subscriptions/s1/../../../../x")]
    [TestCase("/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/subscriptions/s1?api-version=1#")]
    [TestCase("https://evil.example/subscriptions/0/providers/Microsoft.ApiManagement/service/a/subscriptions/b")]
    [TestCase("/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/subscriptions/s1/regeneratePrimaryKey")]
    public async Task Resources_that_are_not_a_subscription_or_an_online_deployment_are_not_touched(string resourceId)
    {
        var arm = new FakeAiControlPlane();
        var result = await Run(arm, Incident.Resource(resourceId));

        Assert.Multiple(() =>
        {
            Assert.That(result.Requests, Is.Empty);
            Assert.That(result.Run.ApprovalRequests, Is.Empty);
            Assert.That(result.CommentText, Does.Contain("has no entity this playbook can act on"));
        });
    }
}
