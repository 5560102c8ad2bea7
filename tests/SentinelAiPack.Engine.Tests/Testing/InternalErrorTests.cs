using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Functions;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Testing;
using SentinelAiPack.Engine.Testing.Reporting;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Tests.Testing;

/// <summary>
/// An engine bug (an unexpected exception while compiling, running or exporting one rule) fails that rule or case
/// with a one-line message; the run goes on with the other rules. Failures are injected: reverse() throws while
/// compiling, strlen() throws on every batch it evaluates, and the tree export throws for one query.
/// </summary>
public class InternalErrorTests
{
    private static readonly string Rules = Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "internal");

    private static KqlEngine FaultyEngine()
    {
        var functions = FunctionRegistry.Instance
            .With("reverse", _ => throw new KeyNotFoundException("The given key 'injected' was not present in the dictionary."))
            .With("strlen", c => new ThrowingExpr(c.Arg(0, ScalarKind.String)));
        return new KqlEngine(new ThrowingTreeSource(EngineHarness.Trees), new CompileOptions { Functions = functions });
    }

    /// <summary>The fixture rules through <c>aipack test</c>'s runner, paths shown as file names.</summary>
    private static RuleTestReport RunFixtures() =>
        new RuleTestRunner(FaultyEngine(), PackContent.Schemas).RunAsync(ContentLoader.Load([Rules]), Path.GetFileName).GetAwaiter().GetResult();

    [Test]
    public void An_internal_failure_fails_only_its_item_and_the_run_goes_on()
    {
        var report = RunFixtures();
        var items = report.Items.ToDictionary(i => i.ItemPath);
        Assert.That(report.Items.Select(i => i.ItemPath), Is.EqualTo(new[]
        {
            "A_CrashesWhileCompiling.yaml", "B_CrashesWhileRunning.yaml", "C_TreeExportFails.yaml", "D_Runs.yaml",
        }), "every item ran, in order");
        var compiling = items["A_CrashesWhileCompiling.yaml"].Diagnostics.Single();
        var running = items["B_CrashesWhileRunning.yaml"].Cases;
        var export = items["C_TreeExportFails.yaml"].Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(compiling.Code, Is.EqualTo("SAP6005"));
            Assert.That(compiling.FilePath, Is.EqualTo("A_CrashesWhileCompiling.yaml"));
            Assert.That(compiling.Message, Is.EqualTo("The query does not compile: internal error in the local engine "
                + "(KeyNotFoundException: The given key 'injected' was not present in the dictionary.)"));

            Assert.That(running.Select(c => (c.Name, c.Status)), Is.EqualTo(new[] { ("first case", TestStatus.Failed), ("second case", TestStatus.Failed) }));
            Assert.That(running[0].Message, Is.EqualTo("internal error in the local engine (InvalidCastException: injected failure while running)"));

            Assert.That(export.Code, Is.EqualTo("SAP6005"));
            Assert.That(export.FilePath, Is.EqualTo("C_TreeExportFails.tests.yaml"), "names the tests file that could not run");
            Assert.That(export.Message, Is.EqualTo("internal error in the local engine (InvalidOperationException: injected failure while exporting)"));

            Assert.That(items["D_Runs.yaml"].Status, Is.EqualTo(TestStatus.Passed), "the items after the failures still run");
            Assert.That(report.Failed, Is.EqualTo(3));
            Assert.That(report.HasFailures, "the run's exit code is non-zero");
        });
    }

    [Test]
    public void The_text_report_names_the_file_and_case_without_a_stack_trace()
    {
        var report = RunFixtures();
        using var text = new StringWriter();
        new TextTestReportWriter().Write(report, text);
        var output = text.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("FAIL  B_CrashesWhileRunning.yaml"));
            Assert.That(output, Does.Contain("failed: first case: internal error in the local engine (InvalidCastException: injected failure while running)"));
            Assert.That(output, Does.Contain("C_TreeExportFails.tests.yaml: error SAP6005: internal error in the local engine"));
            Assert.That(output, Does.Contain("PASS  D_Runs.yaml"));
            Assert.That(output, Does.Not.Contain(" at SentinelAiPack."), "no stack frames");
        });
    }

    [Test]
    public void A_plan_that_throws_unexpectedly_reports_an_internal_runtime_error()
    {
        var compiled = FaultyEngine().CompileAsync("print Name = 'abc' | where strlen(Name) > 1").GetAwaiter().GetResult();
        var error = Assert.Throws<EngineRuntimeException>(() => compiled.Plan!.Run(new EvaluationContext()))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.IsInternal);
            Assert.That(error.InnerException, Is.TypeOf<InvalidCastException>());
        });
    }

    /// <summary>A scalar expression that fails on every batch, as an engine bug would.</summary>
    private sealed class ThrowingExpr(ScalarExpr input) : ScalarExpr(ScalarKind.Long)
    {
        public override Column Evaluate(in Batch batch)
        {
            input.Evaluate(batch);
            throw new InvalidCastException("injected failure while running");
        }
    }

    /// <summary>Exports trees with the analyzer, except for the query marked to fail.</summary>
    private sealed class ThrowingTreeSource(IKqlTreeSource inner) : IKqlTreeSource
    {
        public Task<ExportedTree> ExportAsync(string text, SchemaSet? schemas, IReadOnlyList<TableSchema>? extraTables, CancellationToken cancellationToken) =>
            text.Contains("tree source throws here", StringComparison.Ordinal)
                ? throw new InvalidOperationException("injected failure while exporting")
                : inner.ExportAsync(text, schemas, extraTables, cancellationToken);
    }
}
