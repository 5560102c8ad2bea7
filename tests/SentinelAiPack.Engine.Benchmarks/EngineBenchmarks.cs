using BenchmarkDotNet.Attributes;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>
/// The Done-means benchmarks: a where + extend + summarize-by-bin detection over 1,000,000 rows and an inner join
/// of 100,000 × 100,000 rows. Plans are compiled in setup; each iteration runs the plan (compile once, run many).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private EngineSession _session = null!;
    private QueryPlan _filterAggregate = null!;
    private QueryPlan _join = null!;
    private EvaluationContext _events = null!;
    private EvaluationContext _pairs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new EngineSession();
        var events = BenchmarkData.Events(1_000_000);
        var requests = BenchmarkData.Keyed("RequestBytes", 100_000, 50_000, 1);
        var responses = BenchmarkData.Keyed("ResponseBytes", 100_000, 50_000, 2);
        _filterAggregate = _session.Compile(Queries.FilterAggregate, ("SigninEvents", events.Schema));
        _join = _session.Compile(Queries.Join, ("Requests", requests.Schema), ("Responses", responses.Schema));
        _events = new EvaluationContext { Now = BenchmarkData.Now, Tables = new Dictionary<string, Table> { ["SigninEvents"] = events } };
        _pairs = new EvaluationContext
        {
            Now = BenchmarkData.Now,
            Tables = new Dictionary<string, Table> { ["Requests"] = requests, ["Responses"] = responses },
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark(Description = "where+extend+summarize by bin, 1M rows")]
    public Table FilterAggregate1M() => _filterAggregate.Run(_events);

    [Benchmark(Description = "inner join 100k x 100k")]
    public Table Join100kX100k() => _join.Run(_pairs);
}
