using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Benchmarks;

/// <summary>
/// What our plumbing (JSON in and out, C#↔JS calls, chunking, result mapping) adds to the analyzer itself: the same
/// 200 corpus queries analyzed by the shim's bare JS loop, by <see cref="KqlAnalyzer.AnalyzeAsync"/> with the same
/// work (diagnostics only), and by AnalyzeAsync with everything (output columns, references, best practices).
/// One engine, warmed up; each operation analyzes all 200 queries.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class PerQueryOverheadBenchmarks
{
    private const int QueryCount = 200;
    private KqlHostPool _pool = null!;
    private KqlAnalyzer _analyzer = null!;
    private SchemaSet _schemas = null!;
    private string[] _texts = [];
    private KqlRequest[] _diagnosticsOnly = [];
    private KqlRequest[] _everything = [];

    [GlobalSetup]
    public void Setup()
    {
        _schemas = BenchmarkData.Schemas();
        _texts = BenchmarkData.Queries().Take(QueryCount).ToArray();
        _diagnosticsOnly = _texts.Select((t, i) => new KqlRequest("q" + i, t) { WantOutput = false, WantReferences = false, WantBestPractices = false }).ToArray();
        _everything = _texts.Select((t, i) => new KqlRequest("q" + i, t)).ToArray();
        _pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        _analyzer = new KqlAnalyzer(_pool);
        _analyzer.AnalyzeAsync(_everything, _schemas).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(Baseline = true, Description = "bare JS loop (benchLoop)")]
    public Task<KqlBenchLoopResult> BareJsLoop() => _analyzer.BenchLoopAsync(_texts, _schemas, KqlAnalysisMode.Query);

    [Benchmark(Description = "AnalyzeAsync, diagnostics only")]
    public Task<IReadOnlyList<KqlAnalysis>> AnalyzeDiagnosticsOnly() => _analyzer.AnalyzeAsync(_diagnosticsOnly, _schemas);

    [Benchmark(Description = "AnalyzeAsync, everything")]
    public Task<IReadOnlyList<KqlAnalysis>> AnalyzeEverything() => _analyzer.AnalyzeAsync(_everything, _schemas);
}
