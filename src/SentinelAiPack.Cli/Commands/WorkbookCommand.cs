using System.CommandLine;
using SentinelAiPack.Cli.Commands.Workbook;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Commands;

/// <summary><c>aipack workbook generate|preview</c>: workbooks generated from the specs in <c>workbooks/</c>.</summary>
public sealed class WorkbookCommand : ICliCommand
{
    private static IReadOnlyList<ICliCommand> Subcommands { get; } =
    [
        new WorkbookGenerateCommand(),
        new WorkbookPreviewCommand(),
    ];

    public Command Create(CliContext context)
    {
        var command = new Command("workbook", "Generate Sentinel workbooks from their specs (*.workbook.yaml) and preview them on local data.");
        foreach (var subcommand in Subcommands)
        {
            command.Add(subcommand.Create(context));
        }
        return command;
    }
}
