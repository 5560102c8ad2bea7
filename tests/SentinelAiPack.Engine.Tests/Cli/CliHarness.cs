using SentinelAiPack.Cli;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Engine.Tests.Cli;

/// <summary>Runs `aipack` in-process in a working directory with captured output, optionally with services (an Azure connection).</summary>
internal static class CliHarness
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(string workingDirectory, CliServices? services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AipackCli.RunAsync(args, new IOContext(output, error, IsTerminal: false, workingDirectory), services);
        return (exit, output.ToString(), error.ToString());
    }
}
