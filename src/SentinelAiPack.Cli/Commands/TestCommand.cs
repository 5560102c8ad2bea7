using System.CommandLine;
using System.Diagnostics;
using System.Text;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Testing;
using SentinelAiPack.Engine.Testing.Reporting;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack test [PATH...] [--schemas DIR]... [--format text|json|junit] [--output FILE] [--fail-on-skipped]</c>: runs
/// every analytics rule and hunting query that has a <c>name.tests.yaml</c> on its sample events with the local engine.
/// Exit 0 when no case fails, 1 with failures (or skipped rules with --fail-on-skipped), 2 for usage or internal errors.
/// </summary>
public sealed class TestCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Rules, hunting queries or folders of them (default: the content folders of aipack.yaml, else detections/).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var schemas = new Option<string[]>("--schemas") { Description = "A folder of table schemas or functions; repeatable, later folders override earlier ones." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output." };
        var failOnSkipped = new Option<bool>("--fail-on-skipped") { Description = "Fail (exit 1) when a rule cannot be run by the local engine." };
        var command = new Command("test", "Run rules and hunting queries on their sample events (name.tests.yaml) with the local KQL engine.")
        {
            paths, schemas, format, output, failOnSkipped,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context,
            parse.GetValue(paths) ?? [], parse.GetValue(schemas) ?? [], parse.GetValue(format) ?? "text",
            parse.GetValue(output), parse.GetValue(failOnSkipped), token), ct));
        return command;
    }

    /// <summary>Set to 1 to print where the run's time went (content loading, engine start, export, compile, cases) to standard error.</summary>
    public const string TimingsVariable = "AIPACK_TIMINGS";

    private static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, IReadOnlyList<string> schemaFolders,
        string format, string? output, bool failOnSkipped, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var clock = Stopwatch.StartNew();
        var (settings, settingsDiagnostics) = ContentLocator.LoadSettings(io);
        var content = ContentLoader.Load(ContentLocator.ResolvePaths(io, paths, settings), LoadOptions.For(settings));
        var builder = new SchemaSetBuilder(settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        builder.AddBuiltIns();
        foreach (var folder in (settings?.SchemaFolders ?? []).Concat(schemaFolders.Select(io.Resolve)))
        {
            builder.AddFolder(folder);
        }
        builder.AddParsers(content.Parsers);
        var (schemaSet, schemaDiagnostics) = builder.Build();
        var loaded = clock.Elapsed;

        var trees = KqlServices.TreeSource(context);
        var runner = new RuleTestRunner(new KqlEngine(trees), schemaSet);
        var total = content.Templates.Count(t => content.FindSampleFile(t) is not null || RuleTestRunner.TestsFileBeside(t.FilePath) is not null);
        var progress = new Progress<int>(done =>
        {
            if (io.IsTerminal)
            {
                io.Error.Write($"\rtesting {done}/{total}");
            }
        });
        var report = await runner.RunAsync(content, p => io.Display(Path.GetFullPath(p)), progress, cancellationToken).ConfigureAwait(false);
        if (io.IsTerminal)
        {
            io.Error.Write("\r" + new string(' ', 30) + "\r");
        }
        // Files the loader could not read are findings of this run too: their rules were not tested.
        var loading = settingsDiagnostics.Concat(content.Diagnostics).Concat(schemaDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d with { FilePath = io.Display(Path.GetFullPath(d.FilePath)) })
            .ToList();
        report = report with { Diagnostics = loading };

        ITestReportWriter writer = format switch
        {
            "json" => new JsonTestReportWriter(),
            "junit" => new JunitTestReportWriter(),
            _ => new TextTestReportWriter(),
        };
        if (output is not null)
        {
            var path = io.Resolve(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(report, file);
            }
            await io.Out.WriteLineAsync(TextTestReportWriter.Summary(report)).ConfigureAwait(false);
        }
        else
        {
            writer.Write(report, io.Out);
        }
        if (Environment.GetEnvironmentVariable(TimingsVariable) == "1")
        {
            await io.Error.WriteLineAsync(DescribeTimings(loaded, clock.Elapsed, runner.Timings, KqlServices.Pool(context), trees.Cache)).ConfigureAwait(false);
        }
        var failed = report.HasFailures || (failOnSkipped && report.Skipped > 0);
        return failed ? ExitCodes.Failures : ExitCodes.Success;
    }

    private static string DescribeTimings(TimeSpan loaded, TimeSpan total, RuleTestTimings t, Kql.KqlHostPool pool, TreeCache? cache)
    {
        static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
        return $"timings: load content and schemas {Ms(loaded)}; engines started {pool.EnginesCreated} ({Ms(pool.EngineStartTime)}); "
            + $"tree export {Ms(t.Export)} for {t.Exports} items ({t.ExportsFromCache} from cache{(cache is null ? ", cache off" : "")}; "
            + $"analyzer binding {Ms(t.AnalyzerBind)}, tree walk {Ms(t.AnalyzerWalk)}); compile {Ms(t.Compile)}; "
            + $"{t.Cases} cases {Ms(t.RunCases)}; command total {Ms(total)}";
    }
}
