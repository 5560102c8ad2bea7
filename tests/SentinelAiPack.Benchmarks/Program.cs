using BenchmarkDotNet.Running;
using SentinelAiPack.Benchmarks.Harness;

// One-shot measurements (cold start, cached re-run) need a fresh process per sample, which BenchmarkDotNet's
// in-process iterations cannot give; they run as documented harnesses. Everything else is BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "coldstart" => ColdStartHarness.Run(args[1..]),
    ColdStartHarness.ChildCommand => ColdStartHarness.RunChild(args[1..]),
    "cached-rerun" => CachedRerunHarness.Run(args[1..]),
    "interleaved" => InterleavedHarness.Run(args[1..]),
    CachedRerunHarness.ChildCommand => CachedRerunHarness.RunChild(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
