using System.Diagnostics;
using BenchmarkDotNet.Running;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet args]</c> runs the benchmarks; <c>-- quick</c> is a fast
/// stopwatch pass (5 runs each) that also prints the raw data size and the bytes a run allocates; <c>-- tree-cache-read DIR</c>
/// times reading a filled tree cache (<see cref="TreeCacheRead"/>); <c>-- cache-prune DIR</c> times pruning a cache folder
/// (<see cref="CachePruneScan"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["tree-cache-read", var directory])
        {
            return TreeCacheRead.Run(directory);
        }
        if (args is ["cache-prune", var cacheFolder])
        {
            return CachePruneScan.Run(cacheFolder);
        }
        if (args is ["quick", ..])
        {
            Quick();
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Quick()
    {
        using var session = new EngineSession();
        var events = BenchmarkData.Events(1_000_000);
        var plan = session.Compile(Queries.FilterAggregate, ("SigninEvents", events.Schema));
        var context = new EvaluationContext { Now = BenchmarkData.Now, Tables = new Dictionary<string, Table> { ["SigninEvents"] = events } };
        Measure("where+extend+summarize by bin, 1M rows", () => plan.Run(context), events.EstimatedBytes, events.RowCount);

        var requests = BenchmarkData.Keyed("RequestBytes", 100_000, 50_000, 1);
        var responses = BenchmarkData.Keyed("ResponseBytes", 100_000, 50_000, 2);
        var join = session.Compile(Queries.Join, ("Requests", requests.Schema), ("Responses", responses.Schema));
        var pairs = new EvaluationContext { Now = BenchmarkData.Now, Tables = new Dictionary<string, Table> { ["Requests"] = requests, ["Responses"] = responses } };
        Console.WriteLine($"  join result: {join.Run(pairs).GetValue(0, 0)} pairs");
        Measure("inner join 100k x 100k", () => join.Run(pairs), requests.EstimatedBytes + responses.EstimatedBytes, requests.RowCount + responses.RowCount);
        ExportCost(session);
    }

    /// <summary>What compiling costs: the analyzer's tree export (V8) and the C# compile of the tree, per query.</summary>
    private static void ExportCost(EngineSession session)
    {
        foreach (var (name, query, schemas) in new[]
        {
            ("simple filter + summarize", Queries.FilterAggregate, (Content.Schemas.SchemaSet?)null),
            ("pack rule over the AIConversationTurns parser", Queries.ParserRule, session.PackSchemas),
        })
        {
            var times = new List<(double Export, double Compile, int Bytes)>();
            for (var i = 0; i < 6; i++)
            {
                times.Add(session.MeasureCompile(query, schemas, ("SigninEvents", BenchmarkData.EventSchema)));
            }
            var warm = times.Skip(1).OrderBy(t => t.Export).ToArray();
            var median = warm[warm.Length / 2];
            Console.WriteLine($"compile '{name}': first {times[0].Export:F1} ms export + {times[0].Compile:F1} ms compile; warm median {median.Export:F1} ms export + {median.Compile:F2} ms compile; tree {median.Bytes / 1024.0:F1} KB");
        }
    }

    private static void Measure(string name, Func<Table> run, long rawBytes, long rows)
    {
        run();
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            run();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"{name}: median {median:F1} ms ({rows / (median / 1000) / 1e6:F2} M rows/s); raw data {rawBytes / 1e6:F1} MB; allocated per run {allocated / 1e6:F1} MB ({(double)allocated / rawBytes:F2}x raw)");
    }
}
