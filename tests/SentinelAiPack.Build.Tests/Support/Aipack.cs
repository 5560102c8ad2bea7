using SentinelAiPack.Cli;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Build.Tests.Support;

/// <summary>Exit code and captured output of one in-process `aipack` run.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs `aipack` in-process with the shared analyzer and, when given, an Azure connection to a loopback server.</summary>
internal static class Aipack
{
    public static async Task<CliResult> RunAsync(string workingDirectory, AzureConnection? azure, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var services = new CliServices().With<IKqlAnalyzer>(SharedAnalyzer.Analyzer);
        if (azure is not null)
        {
            services.With(azure);
        }
        var exitCode = await AipackCli.RunAsync(args, new IOContext(output, error, IsTerminal: false, workingDirectory), services);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
