using System.Diagnostics;

namespace SentinelAiPack.TestSupport.Tools;

/// <summary>What an external program printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Out}\n{Error}";
}

/// <summary>
/// Runs the command-line tools the tests check outputs with (Microsoft's SARIF validator, action-validator, bash),
/// all restored by the build (npm ci in the repository root) or present on a fresh machine.
/// </summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>; fails the test after the timeout.</summary>
    public static ToolResult Run(string file, IEnumerable<string> arguments, string directory, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} did not finish in time");
        }
        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The executable an npm package of the repository exports (e.g. the SARIF multitool's native binary).</summary>
    public static string NodeModuleExport(string module)
    {
        var result = Run("node", ["-p", $"require('{module}')"], Repository.RepositoryPaths.Root, TimeSpan.FromMinutes(1));
        Assert.That(result.ExitCode, Is.Zero, $"npm package {module} is not installed (the build runs npm ci): {result.Error}");
        return result.Out.Trim();
    }

    /// <summary>An npm package's command in node_modules/.bin.</summary>
    public static string NodeBin(string name)
    {
        var path = Path.Combine(Repository.RepositoryPaths.Root, "node_modules", ".bin", name);
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: the build restores it with npm ci");
        return path;
    }
}
