using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Engine.Tests.Simulation;

/// <summary>
/// `aipack simulate` on the pack's own samples reproduces what `aipack test` expects: for every analytics rule and every
/// case of its tests file, a simulated schedule whose run falls at the case's referenceTime returns the rows the case
/// expects (rows:), fires when the case fires (alerts raised), and stays silent when it is silent — with the data cut by
/// the simulator's own per-run lookback, not by the test runner.
/// </summary>
public sealed class SimulationMatchesRuleTestsTests
{
    private static IEnumerable<TestCaseData> Rules() => PackContent.Content.Templates.OfType<AnalyticRule>()
        .Where(r => RuleTestRunner.TestsFileBeside(r.FilePath) is not null)
        .OrderBy(r => r.FilePath, StringComparer.Ordinal)
        .Select(r => new TestCaseData(Path.GetRelativePath(PackContent.Root, r.FilePath)).SetName("Simulate_matches_tests({0})"));

    [TestCaseSource(nameof(Rules))]
    public async Task Simulate_matches_tests(string rulePath)
    {
        var item = PackContent.Content.Templates.OfType<AnalyticRule>().Single(r => Path.GetRelativePath(PackContent.Root, r.FilePath) == rulePath);
        var bag = new DiagnosticBag(rulePath);
        var file = RuleTestFileReader.Read(RuleTestRunner.TestsFileBeside(item.FilePath)!, bag);
        Assert.That(file, Is.Not.Null, string.Join("; ", bag.Items.Select(d => d.Message)));
        var (rule, problem) = SimulatedRule.From(item, rulePath);
        Assert.That(rule, Is.Not.Null, problem);
        var compiled = await EngineHarness.Engine.CompileAsync(item.Query!.Text, PackContent.Schemas);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var empty = SchemaConversion.EmptyTables(PackContent.Schemas);

        Assert.That(file!.Cases, Is.Not.Empty);
        await Assert.MultipleAsync(async () =>
        {
            foreach (var testCase in file.Cases)
            {
                var reference = testCase.ReferenceTime ?? file.ReferenceTime;
                var data = CaseData.Load(file, testCase, PackContent.Schemas);
                var executor = new LocalRuleExecutor(compiled.Plan!, data, empty, WindowClock.TimeGenerated);
                // Enabled one frequency before the reference time: exactly one run, at the reference time.
                var simulation = await RuleSimulator.SimulateAsync(rule!, executor, reference - rule!.Frequency, reference);
                Assert.That(simulation.Runs, Has.Count.EqualTo(1), testCase.Name);
                var run = simulation.Runs[0];
                Assert.That(run.Time, Is.EqualTo(reference), testCase.Name);
                Assert.That(run.Window.Start, Is.EqualTo(reference - item.QueryPeriodValue!.Value), testCase.Name + ": the run reads the rule's queryPeriod");
                if (testCase.Rows is { } rows)
                {
                    Assert.That(run.Rows, Is.EqualTo(rows), $"{testCase.Name}: rows");
                }
                if (testCase.Expect == Expectation.Fires)
                {
                    Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Alerted), $"{testCase.Name}: the case fires, so the run must alert");
                    Assert.That(run.Alerts, Is.Not.Empty, testCase.Name);
                    Assert.That(run.Alerts.Count, Is.EqualTo(rule.EventGrouping == EventGrouping.AlertPerResult ? Math.Min(run.Rows, rule.MaxAlertsPerRun) : 1), $"{testCase.Name}: alerts per run");
                    Assert.That(simulation.Incidents, Is.Not.Empty, $"{testCase.Name}: an incident is created");
                }
                else
                {
                    Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Silent), $"{testCase.Name}: the case is silent, so the run must raise nothing");
                    Assert.That(run.Rows, Is.Zero, testCase.Name);
                }
            }
        });
    }

    [Test]
    public void Every_analytics_rule_has_tests_so_the_check_covers_the_whole_pack()
    {
        var rules = PackContent.Content.Templates.OfType<AnalyticRule>().ToList();
        Assert.That(rules, Has.Count.GreaterThan(40));
        Assert.That(rules.Where(r => RuleTestRunner.TestsFileBeside(r.FilePath) is null).Select(r => r.FileName), Is.Empty);
    }
}
