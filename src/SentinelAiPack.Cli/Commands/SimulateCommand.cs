using System.CommandLine;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Cli.Simulation;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Engine.Simulation.Reporting;
using SentinelAiPack.Validation;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack simulate [RULE...] (--data DIR | --workspace ID) [--from T1] [--to T2] [--format text|json|csv]</c>: runs
/// each analytics rule on its own schedule over the range (queryFrequency grid, queryPeriod lookback with now() at each
/// run, trigger, suppression, event grouping, dynamic severity, incident grouping) and prints the alerts each run would
/// have raised and the totals. Locally the data loads once and each query compiles once; with --workspace the runs go
/// to Log Analytics. Exit 0 when every rule ran, 1 when a rule was skipped or runs failed, 2 for usage errors.
/// </summary>
public sealed class SimulateCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var rules = new Argument<string[]>("RULE")
        {
            Description = "Analytics rules or folders of them (default: the content folders of aipack.yaml, else detections/).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var data = new Option<string?>("--data") { Description = "A folder with one file per table (Table.jsonl, .json or .csv) and optional watchlists/." };
        var workspace = new Option<string?>("--workspace") { Description = "Run against a Log Analytics workspace instead: its workspace id (GUID)." };
        var credential = new Option<string>("--credential") { Description = "Azure credential for --workspace: " + string.Join(", ", AzureServices.CredentialNames) + ".", DefaultValueFactory = _ => "default" };
        credential.AcceptOnlyFromAmong([.. AzureServices.CredentialNames]);
        var from = new Option<string?>("--from") { Description = "Start of the range, UTC (the rules are enabled then; default: the first midnight of the data)." };
        var to = new Option<string?>("--to") { Description = "End of the range, UTC (last run; default: the midnight after the data ends)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var schemas = new Option<string[]>("--schemas") { Description = "Extra table schema folders." };
        var command = new Command("simulate", "Run analytics rules on their schedules over a time range and print the alerts and incidents they would have raised.")
        {
            rules, data, workspace, credential, from, to, format, schemas,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(rules) ?? [], parse.GetValue(data), parse.GetValue(workspace), parse.GetValue(credential) ?? "default",
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(format) ?? "text", parse.GetValue(schemas) ?? []), token), ct));
        return command;
    }

    private sealed record Arguments(IReadOnlyList<string> Rules, string? Data, string? Workspace, string Credential, string? From, string? To,
        string Format, IReadOnlyList<string> Schemas);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        if ((args.Data is null) == (args.Workspace is null))
        {
            throw new UsageException("give either --data DIR (local engine) or --workspace ID (Log Analytics).");
        }
        var from = SimulationInputs.ParseTime("--from", args.From);
        var to = SimulationInputs.ParseTime("--to", args.To);
        var content = await SimulationInputs.LoadContentAsync(io, args.Rules, args.Schemas, cancellationToken).ConfigureAwait(false);
        var rules = SimulationInputs.Rules(io, content);
        if (rules.Count == 0)
        {
            throw new UsageException("no analytics rules to simulate in the given paths.");
        }
        var progress = new TerminalProgress(io);
        var simulationProgress = new Progress<SimulationProgress>(p => progress.Report(new ValidationProgress("simulating " + p.Rule, p.Done, p.Total)));
        SimulationReport report;
        if (args.Workspace is { } workspaceId)
        {
            if (from is null || to is null)
            {
                throw new UsageException("--workspace needs --from and --to.");
            }
            var workspace = WorkspaceSimulation.Create(context, workspaceId, args.Credential, content.Schemas);
            using (workspace)
            {
                try
                {
                    report = await SimulationRunner.RunAsync(rules, workspace.Executors, from.Value, to.Value, simulationProgress, cancellationToken).ConfigureAwait(false);
                }
                catch (RunFailedException e) when (e.Scope == FailureScope.Simulation)
                {
                    progress.Clear();
                    await io.Error.WriteLineAsync("aipack: " + e.Message).ConfigureAwait(false);
                    return ExitCodes.UsageOrInternalError;
                }
            }
            report = report with { Source = "workspace " + workspaceId };
        }
        else
        {
            var (data, loaded) = await SimulationInputs.LoadDataAsync(io, args.Data!, content.Schemas).ConfigureAwait(false);
            var range = SimulationInputs.Range(from, to, data);
            var engine = new KqlEngine(KqlServices.TreeSource(context));
            report = await SimulationRunner.RunAsync(rules, SimulationRunner.Local(engine, content.Schemas, data, loaded.UnknownTables),
                range.From, range.To, simulationProgress, cancellationToken).ConfigureAwait(false);
            report = report with { Source = io.Display(io.Resolve(args.Data!)), Sessions = data.CountSessions(range.From, range.To) };
        }
        progress.Clear();
        ISimulationWriter writer = args.Format switch
        {
            "json" => new JsonSimulationWriter(),
            "csv" => new CsvSimulationWriter(),
            _ => new TextSimulationWriter(),
        };
        writer.Write(report, io.Out);
        if (Environment.GetEnvironmentVariable(TestCommand.TimingsVariable) == "1")
        {
            foreach (var rule in report.Rules.OrderByDescending(r => r.Elapsed.Runs))
            {
                await io.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"timings: {rule.Rule.FilePath}: prepare {rule.Elapsed.Prepare.TotalMilliseconds:0} ms, {rule.Runs.Count} runs {rule.Elapsed.Runs.TotalMilliseconds:0} ms")).ConfigureAwait(false);
            }
        }
        var failed = report.Skipped.Count > 0 || report.Rules.Any(r => r.Count(RunOutcome.Failed) > 0);
        return failed ? ExitCodes.Failures : ExitCodes.Success;
    }
}
