using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Schema;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.LogAnalytics;

namespace SentinelAiPack.Azure.Tests;

public class SchemaTests
{
    private const string Workspace = "63613592-b6f7-4c3d-a390-22ba13102111";

    [Test]
    public async Task Returns_columns_of_existing_tables_and_marks_missing_ones()
    {
        var fake = new FakeLogAnalytics();
        fake.Tables["AIConversationTurn_CL"] = [("TimeGenerated", "datetime"), ("Prompt", "string"), ("Tokens", "long")];
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var queries = new LogAnalyticsQueryClient(bed.Credential, bed.Options());
        var schemas = new WorkspaceSchemaClient(queries);

        var results = await schemas.GetTableSchemasAsync(Workspace, ["AIConversationTurn_CL", "Missing_CL"]);

        Assert.Multiple(() =>
        {
            Assert.That(results[0].Exists, Is.True);
            Assert.That(results[0].Columns, Is.EqualTo(new[] { new LogColumn("TimeGenerated", "datetime"), new LogColumn("Prompt", "string"), new LogColumn("Tokens", "long") }));
            Assert.That(results[1], Is.EqualTo(TableSchemaResult.Missing("Missing_CL")).Using<TableSchemaResult>((a, b) => a.TableName == b.TableName && a.Exists == b.Exists && a.Columns.Count == b.Columns.Count));
            Assert.That(fake.Queries.Select(q => q.Query), Is.EqualTo(new[] { "['AIConversationTurn_CL'] | getschema", "['Missing_CL'] | getschema" }));
        });
    }

    [Test]
    public async Task Other_errors_are_not_mistaken_for_a_missing_table()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Credential.ForcedAudience = "https://management.azure.com";
        using var queries = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        Assert.ThrowsAsync<AzureAuthenticationException>(() => new WorkspaceSchemaClient(queries).GetTableSchemaAsync(Workspace, "AnyTable"));
    }

    [Test]
    public async Task A_server_failure_is_not_mistaken_for_a_missing_table()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(10, Fault.ServerError(500));
        using var queries = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureApiException>(() => new WorkspaceSchemaClient(queries).GetTableSchemaAsync(Workspace, "AnyTable"));
        Assert.That((int)error!.StatusCode, Is.EqualTo(500));
    }

    [TestCase("T | take 1")]
    [TestCase("x']")]
    [TestCase("")]
    public void Table_names_are_validated(string name)
    {
        using var queries = new LogAnalyticsQueryClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential());
        Assert.ThrowsAsync<ArgumentException>(() => new WorkspaceSchemaClient(queries).GetTableSchemaAsync(Workspace, name));
    }
}
