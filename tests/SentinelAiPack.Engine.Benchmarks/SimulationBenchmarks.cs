using BenchmarkDotNet.Attributes;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>
/// What a simulation costs per run: cutting the data to the run's window (the simulator's sorted index and slice,
/// against a scan-and-gather of every row per window as the rule tests cut a case's tables) and a whole schedule of a
/// filter rule. 1,000,000 events over 2 days; a 15-minute rule over those 2 days is 192 runs.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private static readonly TimeSpan Frequency = TimeSpan.FromMinutes(15);

    private EngineSession _session = null!;
    private Table _events = null!;
    private SimulationData _data = null!;
    private IReadOnlyList<RunWindow> _windows = null!;
    private QueryPlan _filter = null!;
    private SimulatedRule _rule = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new EngineSession();
        _events = BenchmarkData.Events(1_000_000);
        _data = new SimulationData(new Dictionary<string, Table> { ["SigninEvents"] = _events });
        _data.Window(BenchmarkData.Now, BenchmarkData.Now);     // the one-time sort is setup, not per run
        _windows = RunGrid.Windows(BenchmarkData.Now.AddDays(-2), BenchmarkData.Now, Frequency, Frequency);
        _filter = _session.Compile(Queries.WindowFilter, ("SigninEvents", _events.Schema));
        _rule = new SimulatedRule { Name = "bench", FilePath = "bench.yaml", IsNearRealTime = false, Frequency = Frequency, Period = Frequency, EventGrouping = EventGrouping.AlertPerResult };
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    /// <summary>Rows in every window (192 windows): binary search + slice, then the time column is read.</summary>
    [Benchmark(Description = "192 windows of 1M rows: sorted index + slice")]
    public long SliceWindows()
    {
        long rows = 0;
        foreach (var window in _windows)
        {
            var table = _data.Window(window.Start, window.End)["SigninEvents"];
            rows += table.Column(0).Length;
        }
        return rows;
    }

    /// <summary>The same windows cut by scanning every row and gathering the kept ones (what a per-case lookback cut does).</summary>
    [Benchmark(Baseline = true, Description = "192 windows of 1M rows: scan + gather per window")]
    public long ScanWindows()
    {
        long rows = 0;
        foreach (var window in _windows)
        {
            var table = CaseInputs.Lookback(_events, window.Now, Frequency);
            rows += table.Column(0).Length;
        }
        return rows;
    }

    /// <summary>A whole 2-day schedule (192 runs) of a filter rule with alerts per result.</summary>
    [Benchmark(Description = "simulate a 15m filter rule over 2 days (192 runs, 1M rows)")]
    public int SimulateFilterRule()
    {
        var executor = new LocalRuleExecutor(_filter, _data, new Dictionary<string, RowSchema>(), WindowClock.TimeGenerated);
        var simulation = RuleSimulator.SimulateAsync(_rule, executor, BenchmarkData.Now.AddDays(-2), BenchmarkData.Now).GetAwaiter().GetResult();
        return simulation.AlertCount;
    }
}
