using System.CommandLine;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Output;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack run QUERY [--data DIR] [--format table|json|csv] [--now TIME] [--schemas DIR]...</c>: runs a query on
/// exported logs with the local engine. QUERY is query text, a .kql file, or a rule/hunting query file. DIR holds one
/// file per table (the file name is the table name: JSON array, JSON Lines or CSV); externaldata reads its local
/// copies from DIR too. Exit 0 on success, 1 when the query cannot run, 2 for usage or internal errors.
/// </summary>
public sealed class RunCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var query = new Argument<string>("QUERY") { Description = "Query text, a .kql file, or a rule/hunting query YAML file." };
        var data = new Option<string?>("--data") { Description = "A folder with one file per table (Table.json, Table.jsonl or Table.csv)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var now = new Option<string?>("--now") { Description = "The time now() returns (default: the current UTC time), e.g. 2026-03-01T12:00:00Z." };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra table schema folders." };
        var command = new Command("run", "Run a KQL query on exported logs with the local engine.") { query, data, format, now, schemas };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, parse.GetValue(query)!, parse.GetValue(data),
            parse.GetValue(format) ?? "table", parse.GetValue(now), parse.GetValue(schemas) ?? [], token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string queryArgument, string? dataFolder, string format, string? nowText,
        IReadOnlyList<string> schemaFolders, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var now = DateTime.UtcNow;
        if (nowText is not null)
        {
            now = Engine.Runtime.Values.ParseDateTime(nowText) is { } ticks
                ? new DateTime(ticks, DateTimeKind.Utc)
                : throw new UsageException($"--now: '{nowText}' is not a date and time (use ISO 8601, e.g. 2026-03-01T12:00:00Z).");
        }
        var (settings, _) = ContentLocator.LoadSettings(io);
        var builder = new SchemaSetBuilder(settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        builder.AddBuiltIns();
        foreach (var folder in (settings?.SchemaFolders ?? []).Concat(schemaFolders.Select(io.Resolve)))
        {
            builder.AddFolder(folder);
        }
        var (text, label, lookback) = ReadQuery(io, queryArgument);
        var (schemaSet, _) = builder.Build();

        LoadedData? loaded = null;
        if (dataFolder is not null)
        {
            var folder = io.Resolve(dataFolder);
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--data: '{dataFolder}' is not a folder.");
            }
            loaded = DataFolder.Load(folder, schemaSet, p => io.Display(p));
            foreach (var diagnostic in loaded.Diagnostics)
            {
                await io.Error.WriteLineAsync($"{diagnostic.FilePath}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}").ConfigureAwait(false);
            }
        }

        if (loaded is not { Tables.Count: > 0 })
        {
            // Without data every table is empty: say so, or an empty result reads like "nothing matched".
            await io.Error.WriteLineAsync(dataFolder is null
                ? "aipack run: no data was loaded (no --data DIR): every table is empty."
                : $"aipack run: no data was loaded: {dataFolder} holds no table files (Table.json, Table.jsonl or Table.csv); every table is empty.").ConfigureAwait(false);
        }
        var engine = new KqlEngine(KqlServices.TreeSource(context));
        var compiled = await engine.CompileAsync(text, schemaSet, loaded?.UnknownTables, filePath: label, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!compiled.Success)
        {
            foreach (var d in compiled.Diagnostics)
            {
                var position = d.Span.IsKnown ? $":{d.Span.Line}:{d.Span.Column}" : "";
                await io.Error.WriteLineAsync($"{label}{position}: error {d.Code}: {d.Message}").ConfigureAwait(false);
            }
            return ExitCodes.Failures;
        }
        Engine.Runtime.Table result;
        try
        {
            result = compiled.Plan!.Run(new EvaluationContext
            {
                Now = now,
                Tables = loaded?.Tables ?? new Dictionary<string, Engine.Runtime.Table>(),
                Watchlists = loaded?.Watchlists ?? new Dictionary<string, Engine.Runtime.Table>(StringComparer.OrdinalIgnoreCase),
                EmptyTableSchemas = SchemaConversion.EmptyTables(schemaSet),
                ExternalData = dataFolder is null ? null : new FolderExternalData(io.Resolve(dataFolder)),
                Cancellation = cancellationToken,
            });
        }
        catch (EngineRuntimeException e)
        {
            var code = e.IsInternal ? EngineCodes.InternalError.Code : EngineCodes.RuntimeFailed.Code;
            await io.Error.WriteLineAsync($"{label}: error {code}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        if (loaded is not null)
        {
            await WarnWhenOutOfRangeAsync(io, compiled.Plan!, loaded, now, lookback, result.RowCount).ConfigureAwait(false);
        }
        switch (format)
        {
            case "json":
                ResultWriter.WriteJson(result, io.Out);
                break;
            case "csv":
                ResultWriter.WriteCsv(result, io.Out);
                break;
            default:
                ResultWriter.WriteTable(result, io.Out);
                break;
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Generated or exported data often lies in the past: a rule run with now() = today reads none of it and returns
    /// nothing, silently. Say so when the data's TimeGenerated range misses the rule's lookback (now - queryPeriod, now],
    /// or, for a query without one, when it returned no rows and the data ends more than a day before now() (or starts
    /// after it).
    /// </summary>
    private static async Task WarnWhenOutOfRangeAsync(IOContext io, QueryPlan plan, LoadedData loaded, DateTime now, TimeSpan? lookback, int rows)
    {
        var read = loaded.Tables.Where(t => plan.Tables.Contains(t.Key)).Select(t => t.Value).ToList();
        if (DataTimeRange.Of(read.Count > 0 ? read : loaded.Tables.Values) is not { } range)
        {
            return;
        }
        var spans = $"the data's TimeGenerated spans {Engine.Runtime.Values.FormatDateTime(range.First.Ticks)} to {Engine.Runtime.Values.FormatDateTime(range.Last.Ticks)}";
        var hint = $"pass --now {Engine.Runtime.Values.FormatDateTime(range.Last.Ticks)} (or another time inside the data) to run on it";
        string? warning = null;
        if (lookback is { } period && !range.Overlaps(now, period))
        {
            warning = $"{spans}, but the rule's lookback at now() = {Engine.Runtime.Values.FormatDateTime(now.Ticks)} is the {Engine.Simulation.Durations.Format(period)} before it: the query reads none of the data; {hint}.";
        }
        else if (lookback is null && rows == 0 && (range.Last < now.AddDays(-1) || range.First > now))
        {
            warning = $"{spans}, {(range.First > now ? "after" : "more than a day before")} now() = {Engine.Runtime.Values.FormatDateTime(now.Ticks)}: time filters such as ago() may exclude all of it; {hint}.";
        }
        if (warning is not null)
        {
            await io.Error.WriteLineAsync("aipack: warning: " + warning).ConfigureAwait(false);
        }
    }

    /// <summary>The query: a rule/hunting query/parser file's query (with the item's queryPeriod), a .kql file, or the text itself.</summary>
    private static (string Text, string Label, TimeSpan? Lookback) ReadQuery(IOContext io, string argument)
    {
        var path = io.Resolve(argument);
        if (argument.IndexOfAny(['\n', '|']) < 0 && File.Exists(path))
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".yaml" or ".yml")
            {
                var loaded = ContentLoader.LoadFile(path);
                foreach (var d in loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    throw new UsageException($"{io.Display(path)}:{d.Span.Line}:{d.Span.Column}: {d.Message}");
                }
                return loaded.Item switch
                {
                    DetectionTemplate { Query.Text: { Length: > 0 } text } template => (text, io.Display(path), template.QueryPeriodValue),
                    ParserFunction { Query.Text: { Length: > 0 } body } => (body, io.Display(path), null),
                    _ => throw new UsageException($"{io.Display(path)} is not a rule, hunting query or parser with a query."),
                };
            }
            return (File.ReadAllText(path), io.Display(path), null);
        }
        return (argument, "query", null);
    }
}
