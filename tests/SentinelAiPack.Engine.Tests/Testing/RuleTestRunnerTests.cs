using SentinelAiPack.Content.Loading;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Engine.Tests.Testing;

/// <summary>The rule test runner on fixture rules that read the pack's AIConversationTurns parser.</summary>
public class RuleTestRunnerTests
{
    private static readonly string Rules = Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "rules");

    private static readonly string IngestionRules = Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "ingestion");

    private static ItemTestResult Run(string rule, string? folder = null)
    {
        var content = ContentLoader.Load([Path.Combine(folder ?? Rules, rule)]);
        var runner = new RuleTestRunner(EngineHarness.Engine, PackContent.Schemas);
        var report = runner.RunAsync(content).GetAwaiter().GetResult();
        Assert.That(report.Items, Has.Count.EqualTo(1), "the tests file beside the rule is found");
        return report.Items[0];
    }

    [Test]
    public void Passing_rule_runs_every_case_through_the_parser_with_the_rule_lookback()
    {
        var result = Run("InstructionOverride.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TestStatus.Passed), string.Join("; ", result.Cases.Select(c => c.Message)));
            Assert.That(result.Cases, Has.Count.EqualTo(4));
            Assert.That(result.Cases[0].OutputRows, Is.EqualTo(1));
        });
    }

    [TestCase("LateArrival.yaml")]
    [TestCase("LateArrivalThroughParser.yaml")]
    public void Late_rows_are_caught_once_by_their_ingestion_time_whether_read_from_the_table_or_a_parser(string rule)
    {
        // Sample rows may carry _TimeReceived (every Log Analytics table has it); ingestion_time() defaults to TimeGenerated.
        var result = Run(rule, IngestionRules);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TestStatus.Passed), string.Join("; ", result.Cases.Select(c => $"{c.Name}: {c.Message}")));
            Assert.That(result.Cases, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Each_broken_expectation_is_reported_with_its_reason()
    {
        var result = Run("Broken.yaml");
        var messages = result.Cases.ToDictionary(c => c.Name, c => c.Message ?? "");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TestStatus.Failed));
            Assert.That(messages["nothing matches"], Is.EqualTo("expected the rule to fire, got 0 rows"));
            Assert.That(messages["the IP entity is empty"], Does.StartWith("empty entity IP.Address column 'ClientIp' in output row 1"));
            Assert.That(messages["wrong row count"], Is.EqualTo("expected 2 row(s), got 1"));
            Assert.That(messages["wrong column value"], Does.StartWith("column mismatch: no output row has {SessionId: s9}; got {SessionId: s1}"));
            Assert.That(messages["unknown column in the data"], Does.Contain("'SesionId' is not a column of the table's schema"));
            Assert.That(messages["noisy where silence is expected"], Does.StartWith("expected silence, got 1 row(s)"));
            Assert.That(messages["allowEmpty names a column no mapping reads"],
                Is.EqualTo("allowEmpty lists 'Contnet', which no entity mapping, custom detail or alert detail reads (they read: ClientIp)"));
        });
    }

    [Test]
    public void A_rule_the_engine_cannot_run_is_skipped_with_the_reason()
    {
        var result = Run("Evaluate.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TestStatus.Skipped));
            Assert.That(result.SkipReason, Is.EqualTo("operator 'evaluate' is not supported by the local engine"));
            Assert.That(result.Cases.Single().Status, Is.EqualTo(TestStatus.Skipped));
        });
    }
}
