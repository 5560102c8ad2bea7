using System.Diagnostics;

namespace SentinelAiPack.Benchmarks.Harness;

/// <summary>Runs this benchmark program again in a fresh process (a true cold start) and returns its last output line.</summary>
internal static class ChildProcess
{
    public static (string Output, double WallMs) Run(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Child run failed ({process.ExitCode}): {error}{output}");
        }
        return (output.TrimEnd().Split('\n')[^1], wall);
    }

    /// <summary>The value of <c>--runs N</c> (or <c>--rounds N</c>), else <paramref name="fallback"/>.</summary>
    public static int Runs(string[] args, int fallback)
    {
        var at = Math.Max(Array.IndexOf(args, "--runs"), Array.IndexOf(args, "--rounds"));
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var runs) && runs > 0 ? runs : fallback;
    }
}
