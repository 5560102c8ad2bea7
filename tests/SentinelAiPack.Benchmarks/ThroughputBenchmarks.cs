using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Benchmarks;

/// <summary>A 1,000-query set (the first 1,000 corpus queries, full analysis) on a pool of 1 or 2 warmed-up engines.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ThroughputBenchmarks
{
    private KqlHostPool _pool = null!;
    private KqlAnalyzer _analyzer = null!;
    private SchemaSet _schemas = null!;
    private KqlRequest[] _requests = [];

    [Params(1, 2)]
    public int Engines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _schemas = BenchmarkData.Schemas();
        _requests = BenchmarkData.Queries().Take(1000).Select((t, i) => new KqlRequest("q" + i, t)).ToArray();
        _pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = Engines });
        _pool.WarmUpAsync(Engines).GetAwaiter().GetResult();
        _analyzer = new KqlAnalyzer(_pool);
        _analyzer.AnalyzeAsync(_requests, _schemas).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(Description = "1,000 queries")]
    public Task<IReadOnlyList<KqlAnalysis>> Analyze() => _analyzer.AnalyzeAsync(_requests, _schemas);
}
