using System.Diagnostics;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Data;

namespace SentinelAiPack.Engine.Testing;

/// <summary>
/// <c>aipack test</c>: runs every analytics rule and hunting query that has a tests file on its sample events.
/// now() is frozen at the file's referenceTime; an analytics rule's tables are cut to its queryPeriod first (as a
/// scheduled run would read them). A rule the engine cannot compile is skipped with the reason. An unexpected failure
/// (an engine bug) fails only the item or case it happened in; the run goes on with the others.
/// </summary>
public sealed class RuleTestRunner(KqlEngine engine, SchemaSet schemas)
{
    // Sample rows may carry _TimeReceived (when they reached the workspace) on any table; ingestion_time() reads it.
    private readonly SchemaSet _schemas = SchemaConversion.WithTimeReceived(schemas);

    private CaseInputs? _caseInputs;

    private CaseInputs Inputs => _caseInputs ??= new(_schemas, SchemaConversion.EmptyTables(_schemas));

    /// <summary>Where this runner's time went so far (items run one after another, so plain sums are exact).</summary>
    public RuleTestTimings Timings { get; } = new();

    /// <summary>Runs the tests of every rule and hunting query in <paramref name="content"/>.</summary>
    public async Task<RuleTestReport> RunAsync(ContentSet content, Func<string, string>? displayPath = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        displayPath ??= p => p;
        var items = new List<ItemTestResult>();
        var withoutTests = new List<string>();
        foreach (var item in content.Templates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var testsPath = content.FindSampleFile(item)?.FilePath ?? TestsFileBeside(item.FilePath);
            if (testsPath is null)
            {
                withoutTests.Add(displayPath(item.FilePath));
                continue;
            }
            items.Add(await RunGuardedAsync(item, testsPath, displayPath, cancellationToken).ConfigureAwait(false));
            progress?.Report(items.Count);
        }
        return new RuleTestReport(items, withoutTests);
    }

    private async Task<ItemTestResult> RunGuardedAsync(DetectionTemplate item, string testsPath, Func<string, string> displayPath, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(item, testsPath, displayPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineInternalError.Is(e))
        {
            var diagnostic = EngineCodes.InternalError.Create(displayPath(testsPath), SourceSpan.Unknown, EngineInternalError.Describe(e));
            return new ItemTestResult(displayPath(item.FilePath), item.DisplayName?.Value ?? item.FileName, KindName(item), displayPath(testsPath), [])
            {
                Diagnostics = [diagnostic],
            };
        }
    }

    private static string KindName(DetectionTemplate item) => item.Kind == ContentKind.AnalyticRule ? "analytics rule" : "hunting query";

    /// <summary>The tests file next to an item given on its own (the loader lists tests files only inside the folders it reads).</summary>
    public static string? TestsFileBeside(string itemPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(itemPath)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(itemPath);
        return SampleTestFile.Suffixes.Select(suffix => Path.Combine(folder, stem + suffix)).FirstOrDefault(File.Exists);
    }

    public async Task<ItemTestResult> RunAsync(DetectionTemplate item, string testsPath, Func<string, string> displayPath, CancellationToken cancellationToken)
    {
        var name = item.DisplayName?.Value ?? item.FileName;
        var kind = KindName(item);
        var shownTests = displayPath(testsPath);
        var bag = new DiagnosticBag(shownTests);
        var file = RuleTestFileReader.Read(testsPath, bag);
        var result = new ItemTestResult(displayPath(item.FilePath), name, kind, shownTests, []);
        if (file is null)
        {
            return result with { Diagnostics = bag.Items };
        }
        if (item.Query?.Text is not { Length: > 0 } query)
        {
            return result with { Diagnostics = [EngineCodes.TestFailed.Create(displayPath(item.FilePath), SourceSpan.Unknown, "The item has no query to test.")] };
        }
        var compiled = await engine.CompileAsync(query, _schemas, filePath: displayPath(item.FilePath), cancellationToken: cancellationToken).ConfigureAwait(false);
        Timings.AddCompile(compiled);
        if (!compiled.Success)
        {
            var reason = compiled.Diagnostics[0].Message;
            if (compiled.Unsupported is not null)
            {
                return result with
                {
                    SkipReason = reason,
                    Cases = file.Cases.Select(c => new CaseResult(c.Name, TestStatus.Skipped, reason, 0, TimeSpan.Zero)).ToArray(),
                };
            }
            var diagnostics = compiled.Diagnostics.Select(d => d with
            {
                Span = item.Query.SourceMap is { } map && d.Span.IsKnown ? Locate(query, map, d) : item.Query.Span,
                Message = "The query does not compile: " + d.Message,
            }).ToArray();
            return result with { Diagnostics = diagnostics };
        }
        var required = RequiredColumns.Of(item);
        var cases = new List<CaseResult>();
        foreach (var testCase in file.Cases)
        {
            var outcome = RunCase(item, file, testCase, compiled.Plan!, required, cancellationToken);
            Timings.AddCase(outcome.Duration);
            cases.Add(outcome);
        }
        return result with { Cases = cases };
    }

    private CaseResult RunCase(DetectionTemplate item, RuleTestFile file, RuleTestCase testCase, QueryPlan plan,
        IReadOnlyList<(string Column, string Purpose)> required, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var now = testCase.ReferenceTime ?? file.ReferenceTime;
        try
        {
            var context = Inputs.Build(file, testCase, now, Lookback(item, file, testCase), cancellationToken);
            var output = plan.Run(context);
            var failure = CaseChecker.Check(testCase, output, required);
            return new CaseResult(testCase.Name, failure is null ? TestStatus.Passed : TestStatus.Failed, failure, output.RowCount, watch.Elapsed);
        }
        catch (CaseDataException e)
        {
            return new CaseResult(testCase.Name, TestStatus.Failed, "bad sample data: " + e.Message, 0, watch.Elapsed);
        }
        catch (EngineRuntimeException e)
        {
            return new CaseResult(testCase.Name, TestStatus.Failed, (e.IsInternal ? "" : "the query failed: ") + e.Message, 0, watch.Elapsed);
        }
        catch (Exception e) when (EngineInternalError.Is(e))
        {
            // Reading the case's data or checking the output failed unexpectedly: this case fails, the others still run.
            return new CaseResult(testCase.Name, TestStatus.Failed, EngineInternalError.Describe(e), 0, watch.Elapsed);
        }
    }

    /// <summary>The window a case's tables are cut to: analytics rules default to their queryPeriod, hunting queries to none.</summary>
    private static TimeSpan? Lookback(DetectionTemplate item, RuleTestFile file, RuleTestCase testCase)
    {
        var setting = testCase.Lookback ?? file.Lookback ?? (item.Kind == ContentKind.AnalyticRule ? LookbackSetting.QueryPeriod : LookbackSetting.None);
        return setting.UseQueryPeriod ? item.QueryPeriodValue : setting.Span;
    }

    private static SourceSpan Locate(string query, Content.Yaml.QuerySourceMap map, Diagnostic d)
    {
        // The engine's spans are positions in the query text; the source map turns them into YAML file positions.
        var offset = 0;
        for (int line = 1, i = 0; i < query.Length && line < d.Span.Line; i++)
        {
            if (query[i] == '\n')
            {
                line++;
                offset = i + 1;
            }
        }
        return map.GetSpan(offset + d.Span.Column - 1, d.Span.Length);
    }
}
