using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Tests;

/// <summary>The pack's normalizing parsers are workspace functions with bodies: the engine must compile and run each.</summary>
public class PackParserTests
{
    private static IEnumerable<string> ParserNames() =>
        PackContent.Content.Parsers.Select(p => p.FunctionName?.Value ?? p.FileName).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ParserNames))]
    public void Parser_compiles_and_runs_over_empty_tables(string name)
    {
        var result = EngineHarness.Compile(name + "()", PackContent.Schemas);
        Assert.That(result.Success, Is.True, () => string.Join("; ", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        var table = result.Plan!.Run(new EvaluationContext
        {
            Now = EngineHarness.Now,
            EmptyTableSchemas = SchemaConversion.EmptyTables(PackContent.Schemas),
        });
        Assert.That(table.RowCount, Is.Zero);
        Assert.That(table.Schema.Count, Is.GreaterThan(0));
    }
}

/// <summary>Behaviour of individual parsers on source rows, through the engine.</summary>
public class PackParserBehaviourTests
{
    [TestCase("JobSubmitted", "JobSubmitted")]
    [TestCase("JobRunning", "JobStarted")]
    [TestCase("JobSucceeded", "JobCompleted")]
    [TestCase("JobFailed", "JobFailed")]
    [TestCase("JobCancelled", "JobFailed")]
    public void Training_activity_maps_compute_job_event_types(string eventType, string activityType)
    {
        var schema = SchemaConversion.EmptyTables(PackContent.Schemas)["AmlComputeJobEvent"];
        var row = new object?[schema.Count];
        row[schema.IndexOf("TimeGenerated")] = EngineHarness.Now.AddMinutes(-5);
        row[schema.IndexOf("EventType")] = eventType;
        row[schema.IndexOf("JobId")] = "job-1";
        var tables = new Dictionary<string, Table> { ["AmlComputeJobEvent"] = Table.FromRows(schema, [row]) };

        var result = EngineHarness.Run("AITrainingActivity() | where EventSource == 'AmlComputeJobEvent' | project ActivityType", tables, PackContent.Schemas);

        Assert.That(result.Rows().Select(r => r[0]), Is.EqualTo(new[] { activityType }));
    }
}
