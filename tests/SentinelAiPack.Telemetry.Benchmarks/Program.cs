using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using SentinelAiPack.Telemetry.SampleData;
using SentinelAiPack.Telemetry.SampleData.Scenarios;

namespace SentinelAiPack.Telemetry.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet args]</c> runs the benchmarks; <c>-- budget [USERS] [DAYS]</c> runs the
/// generator once in this process and prints wall time, rows, bytes written and the process's peak working set,
/// the numbers the documented budget is stated in.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["budget", ..])
        {
            var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
            var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
            Budget(users, days);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Budget(int users, int days)
    {
        var folder = Directory.CreateTempSubdirectory("aipack-budget-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var summary = SampleDataGenerator.Generate(new GeneratorOptions { Users = users, Days = days, Scenarios = [ScenarioCatalog.All] }, folder);
            watch.Stop();
            var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{users} users x {days} day(s), all scenarios: {summary.TotalRows:N0} rows, {bytes / 1048576.0:F1} MiB in {watch.Elapsed.TotalSeconds:F2} s; " +
                $"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
