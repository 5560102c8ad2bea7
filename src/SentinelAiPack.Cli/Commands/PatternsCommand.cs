using System.CommandLine;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Patterns;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack patterns generate [--patterns DIR] [--parsers DIR] [--check]</c>: writes the AITextAttackSignals parser
/// (detections/parsers/AITextAttackSignals.yaml and .schema.json) from the attack-pattern library (patterns/*.yaml).
/// With --check nothing is written and exit code 1 says the committed files are stale.
/// </summary>
public sealed class PatternsCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var patterns = new Option<string?>("--patterns") { Description = "The pattern library folder (default: patterns/ beside aipack.yaml)." };
        var parsers = new Option<string?>("--parsers") { Description = "Where the parser is written (default: detections/parsers beside aipack.yaml)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the generated files differ from the library." };
        var generate = new Command("generate", "Generate the AITextAttackSignals parser from the attack-pattern library.") { patterns, parsers, check };
        generate.SetAction((parse, ct) => CommandRunner.RunAsync(context, _ => RunAsync(context, parse.GetValue(patterns), parse.GetValue(parsers), parse.GetValue(check)), ct));
        return new Command("patterns", "The attack-pattern library (patterns/*.yaml) and the parser generated from it.") { generate };
    }

    private static async Task<int> RunAsync(CliContext context, string? patternsOption, string? parsersOption, bool checkOnly)
    {
        var io = context.IO;
        var (settings, _) = ContentLocator.LoadSettings(io);
        var root = settings?.RootDirectory ?? io.WorkingDirectory;
        var patternsFolder = patternsOption is { Length: > 0 } ? io.Resolve(patternsOption) : Path.Combine(root, "patterns");
        var parsersFolder = parsersOption is { Length: > 0 } ? io.Resolve(parsersOption) : Path.Combine(root, "detections", "parsers");
        if (!Directory.Exists(patternsFolder))
        {
            throw new UsageException($"The pattern library folder '{io.Display(patternsFolder)}' does not exist (use --patterns DIR).");
        }
        var result = SignalsParserGenerator.Run(patternsFolder, parsersFolder, checkOnly);
        await PackInputs.PrintAsync(io, result.Diagnostics).ConfigureAwait(false);
        if (result.Diagnostics.Any(d => d.Severity == SentinelAiPack.Content.Diagnostics.DiagnosticSeverity.Error))
        {
            return ExitCodes.Failures;
        }
        foreach (var path in result.Written)
        {
            await io.Out.WriteLineAsync($"wrote {io.Display(path)}").ConfigureAwait(false);
        }
        if (result.Written.Count == 0)
        {
            await io.Out.WriteLineAsync("patterns: the generated parser is up to date.").ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }
}
