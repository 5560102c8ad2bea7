using SentinelAiPack.Azure.MachineLearning;
using SentinelAiPack.Enrichment.Inventory;
using SentinelAiPack.Enrichment.Tests.Support;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.LogAnalytics;

namespace SentinelAiPack.Enrichment.Tests.Inventory;

/// <summary>The collector against the loopback model-management and Logs Ingestion fakes.</summary>
public class ModelInventoryCollectorTests
{
    private const string Sub = EnrichmentBed.SubscriptionId;
    private static readonly string Registered = new('a', 64);
    private static readonly string Tampered = new('b', 64);

    private static async Task<EnrichmentBed> SeededAsync()
    {
        var bed = await EnrichmentBed.StartAsync((_, _) => QueryResult.Single([], []));
        bed.Models.AddOpenAIDeployment(Sub, "ai-rg", "contoso-aoai", "gpt-4o-prod", "gpt-4o", "2024-11-20", lastModifiedBy: "deployer@contoso.com");
        bed.Models.AddOnlineEndpoint(Sub, "ml-rg", "ml-prod", "fraud-scoring", new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10, ["shadow"] = 0 });
        bed.Models.AddModelVersion(Sub, "reg-rg", "registries", "contoso-models", "fraud-xgb", "12", properties: new Dictionary<string, string> { ["sha256"] = Registered, ["scan_status"] = "Clean" });
        bed.Models.AddModelVersion(Sub, "ml-rg", "workspaces", "ml-prod", "fraud-xgb", "13", tags: new Dictionary<string, string> { ["owner"] = "risk" });
        bed.Models.AddOnlineDeployment(Sub, "ml-rg", "ml-prod", "fraud-scoring", "blue", "azureml://registries/contoso-models/models/fraud-xgb/versions/12",
            properties: new Dictionary<string, string> { ["artifact_sha256"] = "sha256:" + Registered.ToUpperInvariant() });
        bed.Models.AddOnlineDeployment(Sub, "ml-rg", "ml-prod", "fraud-scoring", "green", "azureml://registries/contoso-models/models/fraud-xgb/versions/12",
            tags: new Dictionary<string, string> { ["sha256"] = Tampered });
        bed.Models.AddOnlineDeployment(Sub, "ml-rg", "ml-prod", "fraud-scoring", "shadow", "azureml:fraud-xgb:13",
            tags: new Dictionary<string, string> { ["sha256"] = Tampered });
        return bed;
    }

    private static InventoryCollectorOptions Options => new()
    {
        DcrImmutableId = "dcr-0123456789abcdef",
        OpenAIAccounts = [new CognitiveServicesAccount(Sub, "ai-rg", "contoso-aoai")],
        MachineLearningWorkspaces = [new MachineLearningWorkspace(Sub, "ml-rg", "ml-prod")],
        Registries = [new MachineLearningRegistry(Sub, "reg-rg", "contoso-models")],
    };

    [Test]
    public async Task Records_every_deployment_with_deployed_and_registered_hashes_and_the_right_status()
    {
        await using var bed = await SeededAsync();
        var collector = new ModelInventoryCollector(bed.ModelClient, bed.IngestionClient, Options, bed.Clock);

        var result = await collector.RunAsync();

        var rows = bed.Ingestion.Rows("Custom-AIModelInventory_CL");
        var byName = rows.ToDictionary(r => r.GetProperty("DeploymentName").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(result.RowsUploaded, Is.EqualTo(4));
            Assert.That(result.Problems, Is.Empty);
            Assert.That(byName["gpt-4o-prod"].GetProperty("IntegrityStatus").GetString(), Is.EqualTo("Unavailable"), "Azure OpenAI exposes no artifact hash");
            Assert.That(byName["gpt-4o-prod"].GetProperty("DeployedBy").GetString(), Is.EqualTo("deployer@contoso.com"));
            Assert.That(byName["blue"].GetProperty("IntegrityStatus").GetString(), Is.EqualTo("Verified"));
            Assert.That(byName["blue"].GetProperty("DeployedSha256").GetString(), Is.EqualTo(Registered), "digest form and case are normalised");
            Assert.That(byName["blue"].GetProperty("ScanStatus").GetString(), Is.EqualTo("Clean"));
            Assert.That(byName["blue"].GetProperty("TrafficPercent").GetInt32(), Is.EqualTo(90));
            Assert.That(byName["blue"].GetProperty("RegistryName").GetString(), Is.EqualTo("contoso-models"));
            Assert.That(byName["green"].GetProperty("IntegrityStatus").GetString(), Is.EqualTo("Mismatch"));
            Assert.That(byName["shadow"].GetProperty("IntegrityStatus").GetString(), Is.EqualTo("NotRegistered"), "version 13 has no recorded hash");
            Assert.That(rows.Select(r => r.GetProperty("CollectorRunId").GetString()).Distinct(), Has.Exactly(1).Items);
            Assert.That(rows.Select(r => r.GetProperty("TimeGenerated").GetString()), Has.All.StartWith("2030-01-01T00:00:00"));
        });
    }

    [Test]
    public async Task Rows_have_exactly_the_columns_of_the_custom_table_schema()
    {
        await using var bed = await SeededAsync();
        await new ModelInventoryCollector(bed.ModelClient, bed.IngestionClient, Options, bed.Clock).RunAsync();

        var schema = PackSchemaSet.Schemas.FindTable("AIModelInventory_CL")!.Columns.Select(c => c.Name).ToHashSet();
        foreach (var row in bed.Ingestion.Rows("Custom-AIModelInventory_CL"))
        {
            Assert.That(row.EnumerateObject().Select(p => p.Name), Is.SubsetOf(schema));
        }
    }

    [Test]
    public async Task A_failing_account_is_reported_and_the_rest_is_still_collected()
    {
        await using var bed = await SeededAsync();
        bed.Server.Faults.Next(10, Fault.ServerError(500), "/Microsoft.CognitiveServices/");
        var options = new InventoryCollectorOptions
        {
            DcrImmutableId = "dcr-0123456789abcdef",
            OpenAIAccounts = Options.OpenAIAccounts,
            MachineLearningWorkspaces = Options.MachineLearningWorkspaces,
            Registries = [],
        };

        var result = await new ModelInventoryCollector(bed.ModelClient, bed.IngestionClient, options, bed.Clock).RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsUploaded, Is.EqualTo(3));
            Assert.That(result.Problems, Has.Some.Contains("contoso-aoai"));
            Assert.That(result.Problems, Has.Some.Contains("registry 'contoso-models' is not configured"));
            Assert.That(result.Rows.Single(r => r.DeploymentName == "blue").IntegrityStatus, Is.EqualTo("NotRegistered"));
        });
    }

    [Test]
    public async Task Throttled_ingestion_is_retried()
    {
        await using var bed = await SeededAsync();
        bed.Server.Faults.Next(1, Fault.Throttle(5), "/dataCollectionRules/");

        var result = await new ModelInventoryCollector(bed.ModelClient, bed.IngestionClient, Options, bed.Clock).RunAsync();

        Assert.That(result.RowsUploaded, Is.EqualTo(4));
        Assert.That(bed.Ingestion.Rows("Custom-AIModelInventory_CL"), Has.Count.EqualTo(4));
    }

    [TestCase("", "", "Unavailable")]
    [TestCase("ab", "", "NotRegistered")]
    [TestCase("ab", "ab", "Verified")]
    [TestCase("ab", "cd", "Mismatch")]
    public void Status_compares_the_hashes(string deployed, string registered, string status) =>
        Assert.That(ModelInventoryCollector.Status(deployed, registered), Is.EqualTo(status));
}
