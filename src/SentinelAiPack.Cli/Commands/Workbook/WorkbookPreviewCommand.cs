using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Workbooks.Preview;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Cli.Commands.Workbook;

/// <summary>
/// <c>aipack workbook preview NAME [--data DIR] [--out FILE.html]</c>: runs every tile of one workbook with the local
/// engine over a folder of logs (default: freshly generated sample traffic with every attack scenario) and writes one
/// self-contained HTML page. Exit 0 when every tile ran (and, on generated data, returned rows unless its spec allows
/// none); 1 when a tile failed, or stayed empty on generated data; 2 for usage or internal errors.
/// </summary>
public sealed class WorkbookPreviewCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The workbook (file name without .workbook.yaml, or key)." };
        var data = new Option<string?>("--data") { Description = "A folder with one file per table (Table.jsonl, .json or .csv) and optional watchlists/; default: generated sample traffic with every attack scenario." };
        var output = new Option<string?>("--out", "-o") { Description = "The HTML file to write (default: out/workbooks/<NAME>.preview.html)." };
        var command = new Command("preview", "Run a workbook's tiles with the local KQL engine and write a self-contained HTML preview.") { name, data, output };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token =>
            RunAsync(context, parse.GetValue(name)!, parse.GetValue(data), parse.GetValue(output), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string name, string? dataFolder, string? output, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var loaded = WorkbookSpecs.Load(io, [name]);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            await io.Error.WriteLineAsync($"{diagnostic.FilePath}:{diagnostic.Span.Line}:{diagnostic.Span.Column}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}").ConfigureAwait(false);
        }
        if (loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || loaded.Specs.Count == 0)
        {
            await io.Error.WriteLineAsync("aipack: fix the errors above (aipack validate checks every tile query too); no preview was written.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var spec = loaded.Specs[0];
        var builder = new SchemaSetBuilder(loaded.Settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        builder.AddBuiltIns();
        foreach (var folder in loaded.Settings?.SchemaFolders ?? [])
        {
            builder.AddFolder(folder);
        }
        builder.AddParsers(loaded.Content.Parsers);
        var (schemas, _) = builder.Build();
        var chartLibrary = ChartLibrary.Load();

        var generated = dataFolder is null;
        var folderPath = generated ? Path.Combine(Path.GetTempPath(), "aipack-preview-" + Guid.NewGuid().ToString("N")) : io.Resolve(dataFolder!);
        try
        {
            var clock = Stopwatch.StartNew();
            if (generated && io.IsTerminal)
            {
                await io.Error.WriteLineAsync("Generating sample traffic with every attack scenario...").ConfigureAwait(false);
            }
            var data = LoadData(io, folderPath, generated, schemas);
            foreach (var diagnostic in data.Diagnostics)
            {
                await io.Error.WriteLineAsync($"{diagnostic.FilePath}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}").ConfigureAwait(false);
            }
            var dataTime = clock.Elapsed;

            clock.Restart();
            var runner = new EngineTileQueryRunner(new KqlEngine(KqlServices.TreeSource(context)), schemas, data);
            var page = await new PreviewBuilder(runner).BuildAsync(spec, loaded.Catalog, data.Start, data.End, data.Description, cancellationToken).ConfigureAwait(false);
            var tileTime = clock.Elapsed;

            var path = io.Resolve(output ?? Path.Combine("out", "workbooks", spec.Name + ".preview.html"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, PreviewPageRenderer.Render(page, chartLibrary), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            return await ReportAsync(io, page, generated, path, dataTime, tileTime).ConfigureAwait(false);
        }
        finally
        {
            if (generated && Directory.Exists(folderPath))
            {
                Directory.Delete(folderPath, recursive: true);
            }
        }
    }

    private static PreviewData LoadData(IOContext io, string folder, bool generated, SchemaSet schemas)
    {
        try
        {
            return generated ? PreviewData.Generate(folder, schemas) : PreviewData.FromFolder(folder, schemas, io.Display);
        }
        catch (PreviewDataException e)
        {
            throw new UsageException("--data: " + e.Message);
        }
    }

    /// <summary>One summary line, then each problem; failed tiles always fail the run, empty ones only on generated data.</summary>
    private static async Task<int> ReportAsync(IOContext io, PreviewPage page, bool generated, string path, TimeSpan dataTime, TimeSpan tileTime)
    {
        var tiles = page.Sections.SelectMany(s => s.Tiles).Where(t => t.Spec is QueryTile).ToList();
        var withRows = tiles.Count(t => t.Data is { Rows.Count: > 0 });
        var failed = tiles.Count(t => t.Error is not null);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{page.Spec.Name}: {withRows} of {tiles.Count} tiles returned rows, {failed} failed (data {dataTime.TotalSeconds:0.0} s, tiles {tileTime.TotalSeconds:0.0} s); preview written to {io.Display(path)}")).ConfigureAwait(false);
        var problems = PreviewBuilder.Problems(page);
        foreach (var problem in problems)
        {
            await io.Error.WriteLineAsync((generated ? "error: " : "note: ") + problem).ConfigureAwait(false);
        }
        // On generated traffic every scenario is present, so an empty tile is a bug of the pack; on your own logs it may
        // just mean a source is not connected.
        return failed > 0 || (generated && problems.Count > 0) ? ExitCodes.Failures : ExitCodes.Success;
    }
}
