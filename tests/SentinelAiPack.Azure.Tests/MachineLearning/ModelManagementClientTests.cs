using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.MachineLearning;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.MachineLearning;

namespace SentinelAiPack.Azure.Tests.MachineLearning;

public class ModelManagementClientTests
{
    private const string Sub = "d0cfe6b2-9ac0-4464-9919-dccaee2e48c0";
    private static readonly MachineLearningWorkspace Workspace = new(Sub, "ml-rg", "ml-prod");

    [Test]
    public async Task Lists_Azure_OpenAI_deployments_across_pages()
    {
        var fake = new FakeModelManagement { PageSize = 2 };
        for (var i = 0; i < 5; i++)
        {
            fake.AddOpenAIDeployment(Sub, "ai-rg", "contoso-aoai", $"gpt-{i}", "gpt-4o", "2024-11-20", lastModifiedBy: "deployer@contoso.com");
        }

        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ModelManagementClient(bed.Credential, bed.Options());

        var deployments = await client.ListOpenAIDeploymentsAsync(new CognitiveServicesAccount(Sub, "ai-rg", "contoso-aoai"));

        Assert.Multiple(() =>
        {
            Assert.That(deployments.Select(d => d.Name), Is.EqualTo(new[] { "gpt-0", "gpt-1", "gpt-2", "gpt-3", "gpt-4" }));
            Assert.That(deployments[0].ModelName, Is.EqualTo("gpt-4o"));
            Assert.That(deployments[0].ModelVersion, Is.EqualTo("2024-11-20"));
            Assert.That(deployments[0].RaiPolicyName, Is.EqualTo("Microsoft.DefaultV2"));
            Assert.That(deployments[0].Capacity, Is.EqualTo(120));
            Assert.That(deployments[0].Changes.LastModifiedBy, Is.EqualTo("deployer@contoso.com"));
            Assert.That(deployments[0].Changes.LastModifiedAt, Is.EqualTo(new DateTimeOffset(2025, 6, 28, 21, 40, 0, TimeSpan.Zero)));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(3), "three pages of two");
            Assert.That(bed.Server.Requests.All(r => r.QueryString.Contains("api-version=2024-10-01", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Lists_online_endpoints_with_traffic_and_deployments_with_their_recorded_hashes()
    {
        var fake = new FakeModelManagement();
        fake.AddOnlineEndpoint(Sub, "ml-rg", "ml-prod", "fraud-scoring", new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 });
        fake.AddOnlineDeployment(Sub, "ml-rg", "ml-prod", "fraud-scoring", "blue", "azureml://registries/contoso-models/models/fraud-xgb/versions/12",
            properties: new Dictionary<string, string> { ["artifact_sha256"] = "ab12" }, tags: new Dictionary<string, string> { ["owner"] = "risk" });
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ModelManagementClient(bed.Credential, bed.Options());

        var endpoints = await client.ListOnlineEndpointsAsync(Workspace);
        var deployments = await client.ListOnlineDeploymentsAsync(Workspace, "fraud-scoring");

        Assert.Multiple(() =>
        {
            Assert.That(endpoints.Single().Traffic, Is.EqualTo(new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 }));
            var blue = deployments.Single();
            Assert.That(blue.ModelAssetId, Is.EqualTo("azureml://registries/contoso-models/models/fraud-xgb/versions/12"));
            Assert.That(blue.EndpointName, Is.EqualTo("fraud-scoring"));
            Assert.That(ModelAssetValues.Find(blue.Properties, blue.Tags, ["sha256", "ARTIFACT_SHA256"]), Is.EqualTo("ab12"));
            Assert.That(blue.Tags["owner"], Is.EqualTo("risk"));
        });
    }

    [Test]
    public async Task Reads_a_model_version_from_a_registry_and_a_workspace_and_null_when_missing()
    {
        var fake = new FakeModelManagement();
        fake.AddModelVersion(Sub, "reg-rg", "registries", "contoso-models", "fraud-xgb", "12", properties: new Dictionary<string, string> { ["sha256"] = "CAFE" });
        fake.AddModelVersion(Sub, "ml-rg", "workspaces", "ml-prod", "churn", "3", tags: new Dictionary<string, string> { ["sha256"] = "beef" });
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ModelManagementClient(bed.Credential, bed.Options());

        var registry = new MachineLearningRegistry(Sub, "reg-rg", "contoso-models");
        var fromRegistry = await client.GetModelVersionAsync(new ModelAssetReference("fraud-xgb", "12", null, "contoso-models", registry));
        var fromWorkspace = await client.GetModelVersionAsync(ModelAssetReference.TryParse("azureml:churn:3", Workspace)!);
        var missing = await client.GetModelVersionAsync(ModelAssetReference.TryParse("azureml:churn:4", Workspace)!);

        Assert.Multiple(() =>
        {
            Assert.That(fromRegistry!.Find(["sha256"]), Is.EqualTo("CAFE"));
            Assert.That(fromRegistry.ModelUri, Does.StartWith("azureml://"));
            Assert.That(fromWorkspace!.Find(["sha256"]), Is.EqualTo("beef"), "tags are read when properties lack the key");
            Assert.That(missing, Is.Null);
        });
    }

    [Test]
    public async Task A_registry_known_only_by_name_is_refused_before_any_call()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeModelManagement());
        using var client = new ModelManagementClient(bed.Credential, bed.Options());
        var reference = ModelAssetReference.TryParse("azureml://registries/contoso-models/models/fraud-xgb/versions/12", Workspace)!;

        Assert.ThrowsAsync<ArgumentException>(() => client.GetModelVersionAsync(reference));
        Assert.That(bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task A_nextLink_to_another_host_is_not_followed()
    {
        var fake = new FakeModelManagement { PageSize = 1, ForgedNextLink = "https://attacker.example/steal?api-version=2024-10-01" };
        fake.AddOpenAIDeployment(Sub, "ai-rg", "contoso-aoai", "a", "gpt-4o", "1");
        fake.AddOpenAIDeployment(Sub, "ai-rg", "contoso-aoai", "b", "gpt-4o", "1");
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ModelManagementClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureResponseFormatException>(() => client.ListOpenAIDeploymentsAsync(new CognitiveServicesAccount(Sub, "ai-rg", "contoso-aoai")));
        Assert.That(error!.Message, Does.Contain("nextLink"));
        Assert.That(bed.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Throttling_is_retried_after_the_servers_wait()
    {
        var fake = new FakeModelManagement();
        fake.AddOpenAIDeployment(Sub, "ai-rg", "contoso-aoai", "a", "gpt-4o", "1");
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(1, Fault.Throttle(7));
        using var client = new ModelManagementClient(bed.Credential, bed.Options());

        var deployments = await client.ListOpenAIDeploymentsAsync(new CognitiveServicesAccount(Sub, "ai-rg", "contoso-aoai"));

        Assert.That(deployments, Has.Count.EqualTo(1));
        Assert.That(bed.Clock.RequestedDelays, Does.Contain(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void A_name_that_would_change_the_path_is_refused()
    {
        using var client = new ModelManagementClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential());
        Assert.ThrowsAsync<ArgumentException>(() => client.ListOnlineDeploymentsAsync(Workspace, "../../other"));
        Assert.ThrowsAsync<ArgumentException>(() => client.GetModelVersionAsync(new ModelAssetReference("m/../x", "1", Workspace, null, null)));
    }

    [TestCase("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws2/models/m/versions/7", "m", "7", "ws2", null)]
    [TestCase("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/reg/models/m/versions/7", "m", "7", null, "reg")]
    [TestCase("azureml://registries/reg/models/m/versions/7", "m", "7", null, "reg")]
    [TestCase("azureml://subscriptions/s1/resourceGroups/rg/workspaces/ws3/models/m/versions/7", "m", "7", "ws3", null)]
    [TestCase("azureml:m:7", "m", "7", "ml-prod", null)]
    public void Parses_every_documented_model_reference_form(string id, string name, string version, string? workspace, string? registry)
    {
        var reference = ModelAssetReference.TryParse(id, Workspace)!;
        Assert.Multiple(() =>
        {
            Assert.That((reference.Name, reference.Version), Is.EqualTo((name, version)));
            Assert.That(reference.Workspace?.WorkspaceName, Is.EqualTo(workspace));
            Assert.That(reference.RegistryName, Is.EqualTo(registry));
        });
    }

    [TestCase("")]
    [TestCase("models/m")]
    [TestCase("azureml://registries/reg/models/m")]
    public void Unknown_model_reference_forms_parse_to_null(string id) =>
        Assert.That(ModelAssetReference.TryParse(id, Workspace), Is.Null);
}
