using System.CommandLine;
using System.Text;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack init [DIR] [--force]</c>: writes a commented <c>aipack.yaml</c> for the content layout it finds in DIR
/// (default: the repository root, else the working directory): <c>detections/</c>, or Azure-Sentinel's folders
/// (<see cref="ContentLayout"/>). Exit 0 when written; 2 when DIR has an aipack.yaml already (without --force) or no
/// content folder aipack knows.
/// </summary>
public sealed class InitCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var directory = new Argument<string?>("DIR") { Description = "The content repository (default: the git root above the working directory, else the working directory).", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Replace an existing aipack.yaml." };
        var command = new Command("init", "Write a commented aipack.yaml for the content layout found (detections/, or Azure-Sentinel's Detections/, Hunting Queries/, Solutions/*/Analytic Rules, ...).")
        {
            directory, force,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, parse.GetValue(directory), parse.GetValue(force)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? directory, bool force)
    {
        var io = context.IO;
        var root = directory is { Length: > 0 } ? io.Resolve(directory) : ContentLayout.RepositoryRoot(io.WorkingDirectory);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"'{directory}' is not a folder.");
        }
        var target = Path.Combine(root, ContentSettings.FileName);
        if (File.Exists(target) && !force)
        {
            throw new UsageException($"{io.Display(target)} exists already; pass --force to replace it.");
        }
        var layout = ContentLayout.Discover(root)
            ?? throw new UsageException($"No content folder aipack knows in {io.Display(root)} (detections/, Detections/, Hunting Queries/, Parsers/, Solutions/*/Analytic Rules, ...). Write aipack.yaml by hand: docs/configuration.md.");
        await File.WriteAllTextAsync(target, SettingsFileTemplate.For(layout), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)).ConfigureAwait(false);
        await io.Out.WriteLineAsync($"Wrote {io.Display(target)} for {layout.Description}:").ConfigureAwait(false);
        foreach (var folder in layout.ContentFolders.Concat(layout.SchemaFolders))
        {
            await io.Out.WriteLineAsync("  " + Path.GetRelativePath(root, folder).Replace('\\', '/')).ConfigureAwait(false);
        }
        await io.Out.WriteLineAsync("Check it, then run 'aipack validate'.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
