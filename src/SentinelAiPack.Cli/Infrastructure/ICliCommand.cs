using System.CommandLine;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// One `aipack` verb. Each lives in its own file under Commands/ and builds its System.CommandLine
/// <see cref="Command"/> (arguments, options, descriptions) with an action that returns an exit code.
/// </summary>
public interface ICliCommand
{
    Command Create(CliContext context);
}
