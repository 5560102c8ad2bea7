using System.Diagnostics;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Benchmarks.Harness;

/// <summary>
/// The ratios of <see cref="PerQueryOverheadBenchmarks"/> and <see cref="ThroughputBenchmarks"/>, measured so that a
/// busy shared machine cannot bias them: the compared variants run alternately in the same rounds (order rotated),
/// and the report gives the median of the per-round ratios next to the medians of the times. BenchmarkDotNet runs
/// each benchmark in its own stretch of time, so load that changes between stretches distorts its ratios.
/// </summary>
internal static class InterleavedHarness
{
    public static int Run(string[] args)
    {
        var rounds = ChildProcess.Runs(args, 9);
        var schemas = BenchmarkData.Schemas();
        var texts = BenchmarkData.Queries();
        Console.WriteLine($"Interleaved harness, {rounds} rounds, load average at start {ColdStartHarness.LoadAverage()}");

        Overhead(texts.Take(200).ToArray(), schemas, rounds);
        Throughput(texts.Take(1000).ToArray(), schemas, rounds);
        Console.WriteLine($"load average at end {ColdStartHarness.LoadAverage()}");
        return 0;
    }

    private static void Overhead(string[] texts, Content.Schemas.SchemaSet schemas, int rounds)
    {
        using var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var analyzer = new KqlAnalyzer(pool);
        var diagnosticsOnly = texts.Select((t, i) => new KqlRequest("q" + i, t) { WantOutput = false, WantReferences = false, WantBestPractices = false }).ToArray();
        var everything = texts.Select((t, i) => new KqlRequest("q" + i, t)).ToArray();
        analyzer.AnalyzeAsync(everything, schemas).GetAwaiter().GetResult();

        var variants = new (string Name, Func<double> Run)[]
        {
            ("bare JS loop", () => Time(() => analyzer.BenchLoopAsync(texts, schemas, KqlAnalysisMode.Query).GetAwaiter().GetResult())),
            ("AnalyzeAsync, diagnostics only", () => Time(() => analyzer.AnalyzeAsync(diagnosticsOnly, schemas).GetAwaiter().GetResult())),
            ("AnalyzeAsync, everything", () => Time(() => analyzer.AnalyzeAsync(everything, schemas).GetAwaiter().GetResult())),
        };
        var times = Alternate(variants, rounds);
        Console.WriteLine($"Per-query cost, {texts.Length} corpus queries per operation, 1 engine:");
        Console.WriteLine("| variant | ms per query, median (min–max) | ratio to bare loop, median of rounds |");
        Console.WriteLine("|---|---|---|");
        for (var v = 0; v < variants.Length; v++)
        {
            var perQuery = times[v].Select(t => t / texts.Length).ToArray();
            var ratios = times[v].Zip(times[0], (a, b) => a / b).ToArray();
            Console.WriteLine($"| {variants[v].Name} | {Stats.Summary(perQuery, "0.00")} | {Stats.Summary(ratios, "0.00")} |");
        }
    }

    private static void Throughput(string[] texts, Content.Schemas.SchemaSet schemas, int rounds)
    {
        var requests = texts.Select((t, i) => new KqlRequest("q" + i, t)).ToArray();
        using var one = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        using var two = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 2 });
        two.WarmUpAsync(2).GetAwaiter().GetResult();
        var onOne = new KqlAnalyzer(one);
        var onTwo = new KqlAnalyzer(two);
        onOne.AnalyzeAsync(requests, schemas).GetAwaiter().GetResult();
        onTwo.AnalyzeAsync(requests, schemas).GetAwaiter().GetResult();

        var variants = new (string Name, Func<double> Run)[]
        {
            ("1 engine", () => Time(() => onOne.AnalyzeAsync(requests, schemas).GetAwaiter().GetResult())),
            ("2 engines", () => Time(() => onTwo.AnalyzeAsync(requests, schemas).GetAwaiter().GetResult())),
        };
        var times = Alternate(variants, rounds);
        var speedups = times[0].Zip(times[1], (a, b) => a / b).ToArray();
        Console.WriteLine($"Throughput, {texts.Length} corpus queries, full analysis:");
        Console.WriteLine("| pool | s per 1,000 queries, median (min–max) | queries/s (median) |");
        Console.WriteLine("|---|---|---|");
        for (var v = 0; v < variants.Length; v++)
        {
            var seconds = times[v].Select(t => t / 1000).ToArray();
            Console.WriteLine($"| {variants[v].Name} | {Stats.Summary(seconds, "0.00")} | {texts.Length / Stats.Median(seconds):0} |");
        }
        Console.WriteLine($"Speed-up of 2 engines over 1, median of rounds: {Stats.Summary(speedups, "0.00")}");
    }

    private static double[][] Alternate((string Name, Func<double> Run)[] variants, int rounds)
    {
        var times = variants.Select(_ => new double[rounds]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var v = (round + k) % variants.Length;
                times[v][round] = variants[v].Run();
            }
        }
        return times;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
