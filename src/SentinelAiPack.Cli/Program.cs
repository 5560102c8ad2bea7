using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => AipackCli.RunAsync(args, IOContext.FromConsole());
}
