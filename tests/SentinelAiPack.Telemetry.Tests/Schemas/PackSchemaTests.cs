using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Telemetry.Schemas;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Telemetry.Tests.Schemas;

public class PackSchemaTests
{
    private static IEnumerable<string> CustomSchemaFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Schemas, "*_CL.json").Order(StringComparer.Ordinal);

    [Test]
    public void Embedded_schemas_are_the_files_in_detections_schemas()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.json").Select(ReadFile).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        Assert.That(PackSchemas.Tables.Select(t => t.Name), Is.EqualTo(files.Select(t => t.Name)));
        for (var i = 0; i < files.Count; i++)
        {
            Assert.That(PackSchemas.Tables[i].Columns.Select(c => c.Name + ":" + c.Type), Is.EqualTo(files[i].Columns.Select(c => c.Name + ":" + c.Type)), files[i].Name);
        }
    }

    [Test]
    public void The_pack_reads_the_tables_the_issue_lists()
    {
        string[] required =
        [
            "ApiManagementGatewayLlmLog", "ApiManagementGatewayLogs", "ApiManagementGatewayMCPLog", "AzureDiagnostics",
            "SecurityAlert", "SecurityIncident", "AzureActivity", "SigninLogs", "AmlComputeJobEvent", "AmlModelsEvent",
            "AmlDeploymentEvent", "AmlOnlineEndpointTrafficLog", "AmlRegistryWriteEventsLog", "AmlDataSetEvent",
            "AWSCloudTrail", "CopilotActivity", "AppDependencies", "AppTraces",
            "AIConversationTurn_CL", "AIToolCall_CL", "AIRetrieval_CL", "AIKnowledgeBaseWrite_CL", "AIContentSafety_CL",
            "AIModelInventory_CL", "AIModelOutputMetrics_CL",
        ];

        Assert.That(PackSchemas.Tables.Select(t => t.Name), Is.SupersetOf(required));
    }

    [Test]
    public void AzureDiagnostics_has_the_Azure_OpenAI_properties_column()
    {
        var columns = PackSchemas.Get("AzureDiagnostics").Columns;

        Assert.That(columns.Single(c => c.Name == "properties_s").Type, Is.EqualTo("string"));
    }

    [TestCaseSource(nameof(CustomSchemaFiles))]
    public void Every_sent_column_of_a_custom_table_is_documented(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var table = ReadFile(path);
        Assert.That(table.Description, Is.Not.Empty, "table description");

        foreach (var column in document.RootElement.GetProperty("Properties").EnumerateArray())
        {
            var name = column.GetProperty("Name").GetString()!;
            Assert.That(column.TryGetProperty("Description", out var description) && description.GetString()!.Length > 10, Is.True, $"{name}: Description");
            Assert.That(column.TryGetProperty("Source", out var source) && source.GetString()!.Length > 5, Is.True, $"{name}: Source");
            if (!CustomTableColumns.IsAddedAtIngestion(name) && name != "TimeGenerated")
            {
                Assert.That(column.TryGetProperty("Example", out var example) && example.GetString()!.Length > 0, Is.True, $"{name}: Example");
            }

            if (column.TryGetProperty("OTel", out var otel))
            {
                Assert.That(otel.GetString(), Does.Match(@"^(gen_ai|service|session|user|client|user_agent|server|error|trace_id)"), $"{name}: OTel");
            }
        }
    }

    [TestCaseSource(nameof(CustomSchemaFiles))]
    public void Custom_tables_carry_the_standard_log_analytics_columns(string path)
    {
        var names = ReadFile(path).Columns.Select(c => c.Name).ToList();

        Assert.That(names, Is.SupersetOf(new[] { "TimeGenerated", "TenantId", "Type", "_ResourceId" }));
    }

    private static TableSchema ReadFile(string path)
    {
        var diagnostics = new DiagnosticBag(path);
        var table = SchemaLoader.LoadFile(path, diagnostics).Tables.Single();
        Assert.That(diagnostics.Items, Is.Empty, path);
        return table;
    }
}
