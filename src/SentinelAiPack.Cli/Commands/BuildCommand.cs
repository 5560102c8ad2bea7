using System.CommandLine;
using System.Globalization;
using SentinelAiPack.Build;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Docs;
using SentinelAiPack.Build.Lock;
using SentinelAiPack.Build.Solution;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Engine;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack build [PATH...] [--out DIR] [--schemas DIR]... [--lock FILE] [--solution-version X.Y.Z]</c>: validates, checks
/// the version lock, then writes <c>arm/</c>, <c>solution/</c>, <c>navigator/</c> and <c>docs/</c> into the output folder.
/// Exit 0 when written, 1 on validation, lock or generation errors (nothing written), 2 for usage or internal errors.
/// </summary>
public sealed class BuildCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Content folders or files (default: the content folders of aipack.yaml, else detections/).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Output folder; replaced on every build.", DefaultValueFactory = _ => "out" };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra folders of table schemas (as for validate)." };
        var lockFile = new Option<string?>("--lock") { Description = "The lock file (default: aipack.lock.json in the first content folder)." };
        var solutionVersion = new Option<string?>("--solution-version") { Description = "Version of the Content Hub solution (x.y.z; default: solution.version of aipack.yaml, else 1.0.0)." };
        var command = new Command("build", "Validate, check the version lock, and write ARM templates, the Content Hub solution, Navigator layers and docs.")
        {
            paths, output, schemas, lockFile, solutionVersion,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(paths) ?? [],
            parse.GetValue(output) ?? "out",
            parse.GetValue(schemas) ?? [],
            parse.GetValue(lockFile),
            parse.GetValue(solutionVersion)), token), ct));
        return command;
    }

    private sealed record Arguments(IReadOnlyList<string> Paths, string Out, IReadOnlyList<string> Schemas, string? LockFile, string? SolutionVersion);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        if (args.SolutionVersion is not null && ItemVersion.Parse(args.SolutionVersion) is null)
        {
            throw new UsageException($"--solution-version '{args.SolutionVersion}' is not x.y.z.");
        }
        var (input, settingsDiagnostics) = PackInputs.Resolve(io, args.Paths, args.Schemas);
        var gate = await PackGate.RunAsync(context, input, settingsDiagnostics, args.LockFile, cancellationToken).ConfigureAwait(false);
        if (gate.Content is not { } content)
        {
            return ExitCodes.Failures;
        }

        // The engine reads trees from the on-disk cache and shares the analyzer's pool of hosts (one start-up per run).
        var samples = await new SampleRunner(new KqlEngine(KqlServices.TreeSource(context))).RunAsync(content, cancellationToken).ConfigureAwait(false);
        var build = PackBuilder.Generate(content, new BuildOptions { Solution = SolutionOptions.From(input.Settings?.Solution, args.SolutionVersion), SampleOutputs = samples });
        await PackInputs.PrintAsync(io, build.Diagnostics).ConfigureAwait(false);
        if (build.HasErrors)
        {
            await io.Error.WriteLineAsync("aipack build: nothing was written.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var outDir = io.Resolve(args.Out);
        if (OutputFolder.Write(outDir, build.Files) is { } problem)
        {
            await PackInputs.PrintAsync(io, [problem]).ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        await WriteSummaryAsync(io, content, build, outDir).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task WriteSummaryAsync(IOContext io, PackContent content, BuildOutput build, string outDir)
    {
        string Count(string prefix, string suffix) =>
            build.Files.Count(f => f.RelativePath.StartsWith(prefix, StringComparison.Ordinal) && f.RelativePath.EndsWith(suffix, StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
        var packaged = build.Contributions.Count(c => c.Solution is not null);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Built {content.Rules.Count()} analytics rule(s), {content.HuntingQueries.Count()} hunting query(ies), {content.Parsers.Count()} parser(s) into {io.Display(outDir)}/")).ConfigureAwait(false);
        var perStep = string.Join(", ", build.Contributions.GroupBy(c => c.Step).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {DeploymentSteps.Name(g.Key)}")));
        await io.Out.WriteLineAsync($"  arm/        {build.Contributions.Count} template(s) in deployment order ({perStep}), deployment-order.json, sentinel-deployment.config").ConfigureAwait(false);
        await io.Out.WriteLineAsync($"  solution/   mainTemplate.json ({packaged} item(s)), createUiDefinition.json, {Count("solution/", ".zip")} zip").ConfigureAwait(false);
        await io.Out.WriteLineAsync($"  navigator/  {Count("navigator/", ".json")} layer(s)").ConfigureAwait(false);
        await io.Out.WriteLineAsync($"  docs/       {Count("docs/", ".md")} page(s) including index.md").ConfigureAwait(false);
    }
}
