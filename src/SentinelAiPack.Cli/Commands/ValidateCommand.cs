using System.CommandLine;
using System.Text;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Diagnostics;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Validation;
using SentinelAiPack.Validation.Reporting;
using SentinelAiPack.Workbooks.Checks;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack validate [PATH...] [--schemas DIR]... [--format text|json|sarif|junit] [--output FILE] [--warnings-as-errors] [--base DIR]</c>.
/// Exit 0 without errors (warnings alone pass unless --warnings-as-errors), 1 with errors, 2 for usage or internal errors.
/// </summary>
public sealed class ValidateCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Rules, hunting queries, parsers, workbook specs (*.workbook.yaml) or folders of them (default: the content folders of aipack.yaml, else detections/).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var schemas = new Option<string[]>("--schemas")
        {
            Description = "A folder of table schemas (Azure-Sentinel JSON format) or functions; repeatable, later folders override earlier ones.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "junit");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too." };
        var baseDirectory = new Option<string?>("--base") { Description = "SARIF artifact URIs are relative to DIR (default: the git repository root, else the working directory)." };

        var command = new Command("validate", "Validate rules, hunting queries and parsers: Sentinel's limits, the official KQL analyzer, mappings against the query output.")
        {
            paths, schemas, format, output, warningsAsErrors, baseDirectory,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(paths) ?? [],
            parse.GetValue(schemas) ?? [],
            Enum.Parse<ReportFormat>(parse.GetValue(format) ?? "text", ignoreCase: true),
            parse.GetValue(output),
            parse.GetValue(warningsAsErrors),
            parse.GetValue(baseDirectory)), token), ct));
        return command;
    }

    private sealed record Arguments(IReadOnlyList<string> Paths, IReadOnlyList<string> Schemas, ReportFormat Format, string? Output, bool WarningsAsErrors, string? Base);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        if (args.Base is { } baseDirectory && !Directory.Exists(io.Resolve(baseDirectory)))
        {
            throw new UsageException($"--base: '{baseDirectory}' is not a folder.");
        }
        var (settings, settingsDiagnostics) = ContentLocator.LoadSettings(io);
        var input = new ValidationInput
        {
            Paths = ContentLocator.ResolvePaths(io, args.Paths, settings),
            SchemaFolders = args.Schemas.Select(io.Resolve).ToList(),
            Settings = settings,
            DisplayPath = io.Display,
        };
        var progress = new TerminalProgress(io);
        var analyzer = KqlServices.Analyzer(context);
        var validator = new ContentValidator(analyzer, [new WorkbookFileValidator(analyzer)]);
        var report = await validator.ValidateAsync(input, progress, cancellationToken).ConfigureAwait(false);
        progress.Clear();
        if (settingsDiagnostics.Count > 0)
        {
            report = report with { Diagnostics = [.. settingsDiagnostics.Select(d => d with { FilePath = io.Display(d.FilePath) }), .. report.Diagnostics] };
        }

        var writer = CreateWriter(args, io);
        if (args.Output is { } outputPath)
        {
            var fullPath = io.Resolve(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await using (var file = new StreamWriter(fullPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(report, file);
            }
            await io.Out.WriteLineAsync(TextReportWriter.Summary(report)).ConfigureAwait(false);
        }
        else
        {
            writer.Write(report, io.Out);
        }

        var failed = report.ErrorCount > 0 || (args.WarningsAsErrors && report.WarningCount > 0);
        return failed ? ExitCodes.Failures : ExitCodes.Success;
    }

    private static IReportWriter CreateWriter(Arguments args, IOContext io) => args.Format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(AllDiagnostics.Find, ToolVersion.Current, new SarifOptions
        {
            BaseDirectory = args.Base is { } baseDirectory ? io.Resolve(baseDirectory) : ContentLayout.RepositoryRoot(io.WorkingDirectory),
            FullPath = io.Resolve,
            DiagnosticsPage = ProjectLinks.DiagnosticsPage,
            InformationUri = ProjectLinks.Repository,
        }),
        ReportFormat.Junit => new JunitReportWriter(args.WarningsAsErrors),
        _ => new TextReportWriter(new SourceLineReader(io.WorkingDirectory)),
    };
}
