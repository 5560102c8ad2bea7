using System.CommandLine;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Cli.RedTeam;
using SentinelAiPack.Cli.Simulation;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Telemetry.RedTeam;
using SentinelAiPack.Validation;

namespace SentinelAiPack.Cli.Commands.RedTeam;

/// <summary>
/// <c>aipack redteam report DIR [--format text|json|csv] [--rules PATH]... [--schemas DIR]...</c>: simulates every
/// analytics rule (as <c>aipack simulate</c> does) over a folder <c>aipack redteam import</c> wrote, and prints per
/// family how many attempts the rules detected and by which rule, the ones no rule detected, and for benign and
/// discussion prompts how many were flagged at Medium or above. Exit 0 when every rule ran, 1 when some were skipped
/// or runs failed, 2 for usage errors (no manifest).
/// </summary>
public sealed class RedTeamReportCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder written by 'aipack redteam import'." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var rules = new Option<string[]>("--rules") { Description = "Rules or folders to run (default: the content folders of aipack.yaml, else detections/)." };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra table schema folders." };
        var command = new Command("report", "Simulate every analytics rule over imported red-team data and report, per attack family, what was detected and what was missed.")
        {
            folder, format, rules, schemas,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, parse.GetValue(folder)!,
            parse.GetValue(format) ?? "text", parse.GetValue(rules) ?? [], parse.GetValue(schemas) ?? [], token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string folderArgument, string format, IReadOnlyList<string> rulePaths,
        IReadOnlyList<string> schemaFolders, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var folder = io.Resolve(folderArgument);
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"'{folderArgument}' is not a folder.");
        }
        RedTeamManifest manifest;
        try
        {
            manifest = RedTeamManifest.Read(folder);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{io.Display(folder)}: {e.Message}");
        }
        var content = await SimulationInputs.LoadContentAsync(io, rulePaths, schemaFolders, cancellationToken).ConfigureAwait(false);
        var rules = SimulationInputs.Rules(io, content);
        if (rules.Count == 0)
        {
            throw new UsageException("no analytics rules to run.");
        }
        var (data, loaded) = await SimulationInputs.LoadDataAsync(io, folderArgument, content.Schemas).ConfigureAwait(false);
        var (from, to) = Range(manifest, rules.Select(r => SimulatedRule.From(r.Rule, r.DisplayPath).Rule).OfType<SimulatedRule>());
        var progress = new TerminalProgress(io);
        var simulation = await SimulationRunner.RunAsync(rules, SimulationRunner.Local(new KqlEngine(KqlServices.TreeSource(context)), content.Schemas, data, loaded.UnknownTables),
            from, to, new Progress<SimulationProgress>(p => progress.Report(new ValidationProgress("simulating " + p.Rule, p.Done, p.Total))), cancellationToken).ConfigureAwait(false);
        progress.Clear();
        PurpleTeamWriter.Write(PurpleTeamReport.Build(manifest, simulation), format, io.Out);
        var failed = simulation.Skipped.Count > 0 || simulation.Rules.Any(r => r.Count(RunOutcome.Failed) > 0);
        return failed ? ExitCodes.Failures : ExitCodes.Success;
    }

    /// <summary>
    /// From the hour before the first event (a run's window excludes its start), to one longest rule frequency past the hour the last one ends in: every
    /// rule has run at least once after the last event, so each attempt is in some run's window.
    /// </summary>
    internal static (DateTime From, DateTime To) Range(RedTeamManifest manifest, IEnumerable<SimulatedRule> rules)
    {
        // A run reads (now - period, now]: start before the first event so a session at a whole hour is in a window.
        var first = manifest.From.ToUniversalTime().AddTicks(-1);
        var from = new DateTime(first.Ticks - first.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var last = manifest.To.ToUniversalTime();
        var end = new DateTime(last.Ticks - last.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc).AddHours(1);
        var longest = rules.Select(r => r.Frequency).DefaultIfEmpty(TimeSpan.FromHours(1)).Max();
        return (from, end + longest);
    }
}
