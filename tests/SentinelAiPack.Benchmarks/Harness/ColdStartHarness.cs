using System.Diagnostics;
using System.Text.Json;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Benchmarks.Harness;

/// <summary>
/// Cold start, one fresh process per sample: time to a loaded engine (native library, engine, bundle and shim),
/// then registering the ten Azure-Sentinel schemas, then the first analysis of a medium query.
/// Modes: V8 without code cache, V8 writing the cache (empty cache folder), V8 reading it, and the same for node.
/// </summary>
internal static class ColdStartHarness
{
    public const string ChildCommand = "coldstart-child";

    private const string FirstQuery =
        "AADNonInteractiveUserSignInLogs | where TimeGenerated > ago(1d) | where ResultType != '0' " +
        "| summarize Failures = count(), Apps = make_set(AppDisplayName) by UserPrincipalName, IPAddress | where Failures > 10";

    private sealed record Sample(double ProcessToMainMs, double EngineMs, double RegisterMs, double FirstQueryMs, double TotalMs);

    public static int Run(string[] args)
    {
        var runs = ChildProcess.Runs(args, 7);
        var root = Path.Combine(Path.GetTempPath(), "aipack-coldstart-" + Environment.ProcessId);
        Console.WriteLine($"Cold start, {runs} fresh processes per mode; median (min–max) in ms; load average {LoadAverage()}");
        Console.WriteLine("| mode | process→Main | engine ready | register schemas | first query | Main→first result |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var host in new[] { "v8", "node" })
        {
            Report($"{host}, no code cache", runs, _ => [host, "none"]);
            Report($"{host}, code cache being written", runs, i => [host, Path.Combine(root, host + "-fresh-" + i)]);
            var warm = Path.Combine(root, host + "-warm");
            ChildProcess.Run([ChildCommand, host, warm]);
            Report($"{host}, code cache read", runs, _ => [host, warm]);
        }
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static void Report(string mode, int runs, Func<int, string[]> arguments)
    {
        var samples = Enumerable.Range(0, runs)
            .Select(i => JsonSerializer.Deserialize<Sample>(ChildProcess.Run([ChildCommand, .. arguments(i)]).Output)!)
            .ToArray();
        Console.WriteLine($"| {mode} | {Stats.Summary([.. samples.Select(s => s.ProcessToMainMs)])} | {Stats.Summary([.. samples.Select(s => s.EngineMs)])} " +
            $"| {Stats.Summary([.. samples.Select(s => s.RegisterMs)])} | {Stats.Summary([.. samples.Select(s => s.FirstQueryMs)])} " +
            $"| {Stats.Summary([.. samples.Select(s => s.TotalMs)])} |");
    }

    public static int RunChild(string[] args)
    {
        var processToMain = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var total = Stopwatch.StartNew();
        var kind = args[0] == "node" ? KqlHostKind.Node : KqlHostKind.V8;
        var cacheRoot = args[1] == "none" ? null : args[1];
        var schemas = BenchmarkData.Schemas();

        var clock = Stopwatch.StartNew();
        using var host = KqlHostFactory.Create(KustoBundle.Default, kind, cacheRoot);
        var engine = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        host.Call("registerSchema", SchemaRegistration.ToJson(schemas));
        var register = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var request = KqlAnalyzer.ToRequest(schemas.Fingerprint, [new KqlRequest("first", FirstQuery)], 0, 1);
        var response = host.Call("analyze", JsonSerializer.Serialize(request, ShimJson.Default.AnalyzeRequest));
        var firstQuery = clock.Elapsed.TotalMilliseconds;
        if (!response.Contains("\"outputColumns\":[{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The first query was not analyzed: " + response);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Sample(processToMain, engine, register, firstQuery, total.Elapsed.TotalMilliseconds)));
        return 0;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
