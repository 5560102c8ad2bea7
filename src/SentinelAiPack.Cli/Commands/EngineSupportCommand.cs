using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Coverage;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack engine-support FILE [--schemas DIR]... [--format text|json]</c>: the share of a corpus' syntactically
/// valid queries the local engine compiles, and the operators/functions that block the rest. The last line of
/// text output is <c>N/M queries supported (P%)</c>. Exit 0 when measured, 2 for usage or internal errors.
/// </summary>
public sealed class EngineSupportCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON array of queries: objects {\"src\": ..., \"q\": ...} or plain strings." };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra table schema folders (the pack's schemas are used by default)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose") { Description = "Also list each unsupported query and its blocker." };
        var command = new Command("engine-support", "Measure how much of a KQL corpus the local engine can run, and what blocks the rest.")
        {
            file, schemas, format, verbose,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(
            context, parse.GetValue(file)!, parse.GetValue(schemas) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(verbose), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string file, IReadOnlyList<string> schemaFolders, string format, bool verbose, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var path = io.Resolve(file);
        if (!File.Exists(path))
        {
            throw new UsageException($"'{file}' does not exist.");
        }
        IReadOnlyList<CorpusQuery> queries;
        try
        {
            queries = CorpusFile.Read(path);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new UsageException($"{io.Display(path)}: {e.Message}");
        }
        var (settings, _) = ContentLocator.LoadSettings(io);
        var (schemaSet, _) = SchemaSetBuilder.FromSources(settings, schemaFolders.Select(io.Resolve));
        var analyzer = new EngineSupportAnalyzer(KqlServices.TreeSource(context), schemaSet);
        var progress = new Progress<int>(done =>
        {
            if (io.IsTerminal)
            {
                io.Error.Write($"\r{done}/{queries.Count}");
            }
        });
        var report = await analyzer.AnalyzeAsync(queries, progress, cancellationToken).ConfigureAwait(false);
        if (io.IsTerminal)
        {
            io.Error.Write("\r" + new string(' ', 20) + "\r");
        }
        if (format == "json")
        {
            await io.Out.WriteLineAsync(Json(report)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        await io.Out.WriteLineAsync($"{queries.Count} queries read; {queries.Count - report.SyntaxValid} have syntax errors and are not counted.").ConfigureAwait(false);
        if (report.Blockers.Count > 0)
        {
            await io.Out.WriteLineAsync("Blocking constructs (queries blocked):").ConfigureAwait(false);
            foreach (var (blocker, count) in report.Blockers)
            {
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {count,5}  {blocker}")).ConfigureAwait(false);
            }
        }
        if (verbose)
        {
            foreach (var query in report.Queries.Where(q => q.SyntaxValid && !q.Supported))
            {
                await io.Out.WriteLineAsync($"  {query.Source}: {query.Blocker}").ConfigureAwait(false);
            }
        }
        await io.Out.WriteLineAsync(report.Summary).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Json(EngineSupportReport report) => JsonSerializer.Serialize(new
    {
        queries = report.Queries.Count,
        syntaxValid = report.SyntaxValid,
        supported = report.Supported,
        percent = Math.Round(report.Percent, 1),
        blockers = report.Blockers.Select(b => new { construct = b.Blocker, queries = b.Queries }),
        unsupported = report.Queries.Where(q => q.SyntaxValid && !q.Supported).Select(q => new { source = q.Source, blocker = q.Blocker }),
    }, new JsonSerializerOptions { WriteIndented = true });
}
