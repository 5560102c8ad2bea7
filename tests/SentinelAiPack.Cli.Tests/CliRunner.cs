using SentinelAiPack.Cli;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Tests;

/// <summary>Runs `aipack` in-process with captured output, the way users' CI calls it.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AipackCli.RunAsync(args, new IOContext(output, error, IsTerminal: false, workingDirectory));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
