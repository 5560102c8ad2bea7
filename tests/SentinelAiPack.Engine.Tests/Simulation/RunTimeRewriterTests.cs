using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Engine.Tests.Simulation;

/// <summary>
/// The workspace mode's rewrite of now()/ago(): only the analyzer's built-in calls change, everything else stays byte for
/// byte, and every pack rule rewritten and run at a far-away real clock returns what its tests expect at their
/// reference time when the run time is bound to it.
/// </summary>
public sealed class RunTimeRewriterTests
{
    private static string Rewrite(string query)
    {
        var compiled = EngineHarness.Engine.CompileAsync(query, PackContent.Schemas).GetAwaiter().GetResult();
        var (text, problem) = RunTimeRewriter.Rewrite(compiled.Tree);
        Assert.That(text, Is.Not.Null, problem);
        return text!;
    }

    private static string Bind(DateTime runTime) =>
        $"let {RunTimeRewriter.RunTimeParameter} = datetime({runTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)});\n";

    [Test]
    public void Only_the_built_in_calls_are_renamed_and_comments_strings_and_names_stay()
    {
        const string query = """
            // ago(1h) in a comment stays
            let now_ish = "now() and ago(5m) in a string";
            let Window = 1h;
            print a = ago(Window), b = now(), c = now(-1d), d = startofday(now()), e = now_ish, f = ago( 30m )
            """;
        var text = Rewrite(query);
        Assert.That(text, Is.EqualTo(RunTimeRewriter.Prolog + """
            // ago(1h) in a comment stays
            let now_ish = "now() and ago(5m) in a string";
            let Window = 1h;
            print a = AipackAgo(Window), b = AipackNow(), c = AipackNow(-1d), d = startofday(AipackNow()), e = now_ish, f = AipackAgo( 30m )
            """));
        var runTime = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var result = EngineHarness.Run(Bind(runTime) + text);
        Assert.That(result.Rows().Single().Take(4), Is.EqualTo(new object[] { runTime.AddHours(-1), runTime, runTime.AddDays(-1), runTime.Date }),
            "the rewritten calls read the bound run time, not the engine's now()");
    }

    [Test]
    public void A_query_that_already_uses_the_names_is_refused()
    {
        var compiled = EngineHarness.Compile("let AipackRunTime = now(); print AipackRunTime");
        Assert.That(RunTimeRewriter.Rewrite(compiled.Tree).Problem, Does.Contain("already uses the names"));
    }

    private static IEnumerable<TestCaseData> Rules() => PackContent.Content.Templates.OfType<AnalyticRule>()
        .Where(r => RuleTestRunner.TestsFileBeside(r.FilePath) is not null)
        .OrderBy(r => r.FilePath, StringComparer.Ordinal)
        .Select(r => new TestCaseData(Path.GetRelativePath(PackContent.Root, r.FilePath)).SetName("Rewritten_rule_matches_its_tests({0})"));

    [TestCaseSource(nameof(Rules))]
    public async Task Rewritten_rule_matches_its_tests(string rulePath)
    {
        var item = PackContent.Content.Templates.OfType<AnalyticRule>().Single(r => Path.GetRelativePath(PackContent.Root, r.FilePath) == rulePath);
        var file = RuleTestFileReader.Read(RuleTestRunner.TestsFileBeside(item.FilePath)!, new DiagnosticBag(rulePath))!;
        var rewritten = Rewrite(item.Query!.Text);
        var empty = SchemaConversion.EmptyTables(PackContent.Schemas);
        await Assert.MultipleAsync(async () =>
        {
            foreach (var testCase in file.Cases)
            {
                var reference = testCase.ReferenceTime ?? file.ReferenceTime;
                var compiled = await EngineHarness.Engine.CompileAsync(Bind(reference) + rewritten, PackContent.Schemas);
                Assert.That(compiled.Success, Is.True, $"{testCase.Name}: {string.Join("; ", compiled.Diagnostics.Select(d => d.Message))}");
                if (!compiled.Success)
                {
                    continue;
                }
                var data = CaseData.Load(file, testCase, PackContent.Schemas);
                var window = data.Window(reference - item.QueryPeriodValue!.Value, reference);
                var output = compiled.Plan!.Run(new EvaluationContext
                {
                    Now = reference.AddYears(5),        // the service's real clock: far from the data
                    Tables = window,
                    EmptyTableSchemas = empty,
                    Watchlists = data.Watchlists,
                    ExternalData = data.ExternalData,
                });
                if (testCase.Rows is { } rows)
                {
                    Assert.That(output.RowCount, Is.EqualTo(rows), testCase.Name);
                }
                Assert.That(output.RowCount > 0, Is.EqualTo(testCase.Expect == Expectation.Fires), $"{testCase.Name}: expect {testCase.Expect}");
            }
        });
    }
}
