using BenchmarkDotNet.Attributes;
using SentinelAiPack.Telemetry.SampleData;
using SentinelAiPack.Telemetry.SampleData.Scenarios;

namespace SentinelAiPack.Telemetry.Benchmarks;

/// <summary>One day of traffic for 1,000 users with every scenario injected, written to a temporary folder.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private string _folder = string.Empty;

    [Params(1000)]
    public int Users { get; set; }

    [GlobalSetup]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("aipack-bench-").FullName;

    [GlobalCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long OneDayAllScenarios() =>
        SampleDataGenerator.Generate(new GeneratorOptions { Users = Users, Days = 1, Scenarios = [ScenarioCatalog.All] }, _folder).TotalRows;
}
