using System.CommandLine;
using SentinelAiPack.Cli.Commands;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli;

/// <summary>Builds the `aipack` command tree and runs one command line.</summary>
public static class AipackCli
{
    /// <summary>Every verb, registered in one place.</summary>
    private static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new InitCommand(),
        new ValidateCommand(),
        new TestCommand(),
        new RunCommand(),
        new SimulateCommand(),
        new RedTeamCommand(),
        new EngineSupportCommand(),
        new GenerateCommand(),
        new WorkbookCommand(),
        new BuildCommand(),
        new LockCommand(),
        new DeployCommand(),
        new SchemaPullCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, IOContext io, CliServices? services = null, CancellationToken cancellationToken = default)
    {
        await using var ownedServices = services is null ? new CliServices() : null;
        var context = new CliContext(io, services ?? ownedServices!);
        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        if (UsageErrors.Find(parseResult) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await io.Error.WriteLineAsync("aipack: " + problem).ConfigureAwait(false);
            }
            await io.Error.WriteLineAsync(UsageErrors.HelpHint(parseResult)).ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("aipack: validate, test and build Microsoft Sentinel detection content for AI/ML workloads.");
        foreach (var command in Commands)
        {
            root.Add(command.Create(context));
        }
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(context.IO);
        return root;
    }

    /// <summary><c>aipack --version</c>: the tool's and the bundled analyzer's versions.</summary>
    private sealed class PrintVersion(IOContext io) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            io.Out.Write(ToolVersion.Describe() + "\n");
            return ExitCodes.Success;
        }
    }
}
