using System.CommandLine;
using System.Text;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Workbooks.Generation;

namespace SentinelAiPack.Cli.Commands.Workbook;

/// <summary>
/// <c>aipack workbook generate [NAME...] [--out DIR]</c>: writes each workbook's gallery template (<c>&lt;Key&gt;.json</c>),
/// its ARM template (<c>&lt;Key&gt;.arm.json</c>) and <c>WorkbooksMetadata.json</c>. Exit 1 when a spec has errors.
/// </summary>
public sealed class WorkbookGenerateCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var names = new Argument<string[]>("NAME") { Description = "Workbooks to generate (file name without .workbook.yaml, or key); default: all.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "out/workbooks" };
        var command = new Command("generate", "Generate gallery JSON, ARM templates and WorkbooksMetadata.json from the workbook specs.") { names, output };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, _ => RunAsync(context, parse.GetValue(names) ?? [], parse.GetValue(output)!), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> names, string output)
    {
        var io = context.IO;
        var loaded = WorkbookSpecs.Load(io, names);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            await io.Error.WriteLineAsync($"{diagnostic.FilePath}:{diagnostic.Span.Line}:{diagnostic.Span.Column}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}").ConfigureAwait(false);
        }
        if (loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            await io.Error.WriteLineAsync("aipack: fix the errors above (aipack validate checks every tile query too); nothing was written.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var folder = io.Resolve(output);
        Directory.CreateDirectory(folder);
        var sets = loaded.Specs.Select(spec => WorkbookArtifacts.Generate(spec, loaded.Catalog)).ToList();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var set in sets)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, set.GalleryFileName), set.GalleryJson, utf8).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, set.Spec.Key.Value + ".arm.json"), set.ArmTemplateJson, utf8).ConfigureAwait(false);
            await io.Out.WriteLineAsync($"{set.Spec.Name}: {io.Display(Path.Combine(folder, set.GalleryFileName))}, {set.Spec.Key.Value}.arm.json").ConfigureAwait(false);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "WorkbooksMetadata.json"), WorkbookArtifacts.MetadataFile(sets), utf8).ConfigureAwait(false);
        await io.Out.WriteLineAsync($"{sets.Count} workbook(s) written to {io.Display(folder)}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
