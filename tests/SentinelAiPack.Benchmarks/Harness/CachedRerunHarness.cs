using System.Diagnostics;
using System.Text.Json;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Benchmarks.Harness;

/// <summary>
/// Unchanged re-run: a first process analyzes all 1,026 corpus queries through <see cref="CachedKqlAnalyzer"/> and
/// fills an empty result cache; then fresh processes analyze the same set again and must be answered from disk
/// without starting an engine. Reports the AnalyzeAsync time (hashing the analyzer code, keys, reads) and the whole
/// child process wall time.
/// </summary>
internal static class CachedRerunHarness
{
    public const string ChildCommand = "cached-rerun-child";

    private sealed record Sample(double AnalyzeMs, int Hits, int Queries, int EnginesCreated);

    public static int Run(string[] args)
    {
        var runs = ChildProcess.Runs(args, 7);
        var cache = Path.Combine(Path.GetTempPath(), "aipack-rerun-" + Environment.ProcessId);
        try
        {
            var (fillOutput, fillWall) = ChildProcess.Run([ChildCommand, cache]);
            var fill = JsonSerializer.Deserialize<Sample>(fillOutput)!;
            Console.WriteLine($"Filling run: {fill.Queries} queries analyzed in {fill.AnalyzeMs:0} ms ({fill.EnginesCreated} engines), process {fillWall:0} ms");
            var samples = Enumerable.Range(0, runs).Select(_ => ChildProcess.Run([ChildCommand, cache])).ToArray();
            var parsed = samples.Select(s => JsonSerializer.Deserialize<Sample>(s.Output)!).ToArray();
            if (parsed.Any(s => s.Hits != s.Queries || s.EnginesCreated != 0))
            {
                throw new InvalidOperationException("A re-run was not fully answered from the cache.");
            }
            Console.WriteLine($"Cached re-run, {runs} fresh processes, load average {ColdStartHarness.LoadAverage()}: " +
                $"AnalyzeAsync {Stats.Summary([.. parsed.Select(s => s.AnalyzeMs)])} ms; " +
                $"whole process {Stats.Summary([.. samples.Select(s => s.WallMs)])} ms; {parsed[0].Hits}/{parsed[0].Queries} hits, 0 engines");
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
        return 0;
    }

    public static int RunChild(string[] args)
    {
        var schemas = BenchmarkData.Schemas();
        var requests = BenchmarkData.Queries().Select((q, i) => new KqlRequest("q" + i, q)).ToArray();
        using var pool = new KqlHostPool();
        var clock = Stopwatch.StartNew();
        var analyzer = new CachedKqlAnalyzer(new KqlAnalyzer(pool), KqlResultCache.ForBundle(KustoBundle.Default, args[0]));
        var results = analyzer.AnalyzeAsync(requests, schemas).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(JsonSerializer.Serialize(new Sample(elapsed, results.Count(r => r.FromCache), results.Count, pool.EnginesCreated)));
        return 0;
    }
}
