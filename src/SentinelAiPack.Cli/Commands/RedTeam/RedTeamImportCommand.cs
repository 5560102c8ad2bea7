using System.CommandLine;
using System.Globalization;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Cli.Simulation;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Telemetry.RedTeam;

namespace SentinelAiPack.Cli.Commands.RedTeam;

/// <summary>
/// <c>aipack redteam import (--garak REPORT.jsonl | --pyrit EXPORT.json | --prompts FILE.jsonl) --out DIR [--with-verdict]
/// [--from T] [--to T] [--user UPN]</c>: writes one session per attempt into the telemetry model's tables (one
/// <c>&lt;Table&gt;.jsonl</c> each, as <c>aipack generate</c> does) plus <c>redteam.json</c>. Lines that cannot be read
/// are reported with file and line and the others are imported. Exit 0, 1 when some input was skipped or nothing could
/// be imported, 2 for usage errors.
/// </summary>
public sealed class RedTeamImportCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var garak = new Option<string?>("--garak") { Description = "A garak run's report.jsonl." };
        var pyrit = new Option<string?>("--pyrit") { Description = "A PyRIT memory export (JSON array of message pieces, or JSON Lines)." };
        var prompts = new Option<string?>("--prompts") { Description = "A labelled prompt list: JSON Lines of {id, prompt, family, source, label, channel?}." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write the tables and redteam.json into (created if missing)." };
        var withVerdict = new Option<bool>("--with-verdict") { Description = "Also write the Prompt Shields verdict a classifier would log for each prompt (attack finding for attacks)." };
        var from = new Option<string?>("--from") { Description = $"When the first session starts, UTC (default {Values(RedTeamImportOptions.DefaultFrom)})." };
        var to = new Option<string?>("--to") { Description = $"When the last session starts (default: sessions {(int)RedTeamImportOptions.DefaultSpacing.TotalMinutes} minutes apart)." };
        var user = new Option<string?>("--user") { Description = "One user (UPN) for every session, as a red team's identity; default: a user per session." };
        var command = new Command("import", "Turn garak, PyRIT or labelled prompt-list results into telemetry tables, one session per attempt.")
        {
            garak, pyrit, prompts, output, withVerdict, from, to, user,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, _ => RunAsync(context,
            parse.GetValue(garak), parse.GetValue(pyrit), parse.GetValue(prompts), parse.GetValue(output), parse.GetValue(withVerdict),
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(user)), ct));
        return command;
    }

    private static string Values(DateTime time) => Engine.Runtime.Values.FormatDateTime(time.Ticks);

    private static async Task<int> RunAsync(CliContext context, string? garak, string? pyrit, string? prompts, string? output, bool withVerdict,
        string? fromText, string? toText, string? user)
    {
        var io = context.IO;
        var inputs = new[] { ("--garak", garak), ("--pyrit", pyrit), ("--prompts", prompts) }.Where(i => i.Item2 is not null).ToList();
        if (inputs.Count != 1)
        {
            throw new UsageException("give exactly one of --garak REPORT.jsonl, --pyrit EXPORT.json or --prompts FILE.jsonl.");
        }
        var outDir = output ?? throw new UsageException("--out DIR is required.");
        var (option, file) = inputs[0];
        var path = io.Resolve(file!);
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: '{file}' does not exist.");
        }
        var from = SimulationInputs.ParseTime("--from", fromText) ?? RedTeamImportOptions.DefaultFrom;
        var to = SimulationInputs.ParseTime("--to", toText);
        if (to is { } end && end < from)
        {
            throw new UsageException("--to must not be before --from.");
        }
        if (user is { } upn && (upn.Length > 256 || !upn.Contains('@', StringComparison.Ordinal) || upn.Any(char.IsControl)))
        {
            throw new UsageException("--user must be a UPN such as redteam@contoso.com.");
        }
        var shown = io.Display(path);
        var result = option switch
        {
            "--garak" => GarakReportReader.Read(path, shown),
            "--pyrit" => PyritExportReader.Read(path, shown),
            _ => PromptListReader.Read(path, shown),
        };
        foreach (var problem in result.Problems)
        {
            await io.Error.WriteLineAsync(Escape(problem.ToString())).ConfigureAwait(false);
        }
        if (result.Attempts.Count == 0)
        {
            await io.Error.WriteLineAsync($"aipack: nothing to import from {shown}.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var options = new RedTeamImportOptions { From = from, To = to, WithVerdict = withVerdict, User = user };
        var folder = io.Resolve(outDir);
        var manifest = RedTeamTableWriter.Write(result.Attempts, folder, options, $"{option[2..]} {shown}");
        var inv = CultureInfo.InvariantCulture;
        await io.Out.WriteLineAsync(string.Create(inv,
            $"Imported {result.Attempts.Count} attempt(s) from {shown} into {io.Display(folder)}: sessions {Values(manifest.From)} to {Values(manifest.To)}{(withVerdict ? ", with classifier verdicts" : "")}.")).ConfigureAwait(false);
        foreach (var group in result.Attempts.GroupBy(a => (a.Label, a.Family)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Family, StringComparer.Ordinal))
        {
            await io.Out.WriteLineAsync(string.Create(inv, $"  {group.Key.Label,-10} {Escape(group.Key.Family)}: {group.Count()}")).ConfigureAwait(false);
        }
        if (result.Problems.Count > 0)
        {
            await io.Error.WriteLineAsync(string.Create(inv, $"aipack: {result.Problems.Count} problem(s) in {shown}; the other entries were imported.")).ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        return ExitCodes.Success;
    }

    private static string Escape(string text) => Engine.Output.TextEscaping.ForTerminal(text);
}
