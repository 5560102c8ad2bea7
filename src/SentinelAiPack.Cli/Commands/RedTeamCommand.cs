using System.CommandLine;
using SentinelAiPack.Cli.Commands.RedTeam;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Commands;

/// <summary><c>aipack redteam import|report</c>: red-team results as telemetry, and what the SOC's rules would have caught.</summary>
public sealed class RedTeamCommand : ICliCommand
{
    private static IReadOnlyList<ICliCommand> Subcommands { get; } =
    [
        new RedTeamImportCommand(),
        new RedTeamReportCommand(),
    ];

    public Command Create(CliContext context)
    {
        var command = new Command("redteam", "Import red-team results (garak, PyRIT, labelled prompt lists) as telemetry and report what the rules detect.");
        foreach (var subcommand in Subcommands)
        {
            command.Add(subcommand.Create(context));
        }
        return command;
    }
}
