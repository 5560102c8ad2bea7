using System.CommandLine;
using SentinelAiPack.Build;
using SentinelAiPack.Build.Lock;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack lock [PATH...] [--lock FILE] [--force] [--deprecate ID... --reason TEXT [--replacement ID]]</c>: records every
/// item's version and logic hash in the lock file. Refuses (exit 1, nothing written) when an item's logic changed
/// without a version bump (unless --force), a version went down, or a locked item was removed without a deprecation.
/// </summary>
public sealed class LockCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Content folders or files (default: the content folders of aipack.yaml, else detections/).", Arity = ArgumentArity.ZeroOrMore };
        var lockFile = new Option<string?>("--lock") { Description = "The lock file (default: aipack.lock.json in the first content folder)." };
        var force = new Option<bool>("--force") { Description = "Also record items whose logic changed without a version bump (adopting the lock, or a change that alters no behaviour). Never accepts a lower version." };
        var deprecate = new Option<string[]>("--deprecate") { Description = "Id of a removed item to record as deprecated (repeatable; needs --reason)." };
        var reason = new Option<string?>("--reason") { Description = "Why the --deprecate items were removed." };
        var replacement = new Option<string?>("--replacement") { Description = "Id of the item that replaces the --deprecate items." };
        var command = new Command("lock", "Record every item's version and logic hash in the lock file (after raising versions).")
        {
            paths, lockFile, force, deprecate, reason, replacement,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(paths) ?? [],
            parse.GetValue(lockFile),
            parse.GetValue(force),
            parse.GetValue(deprecate) ?? [],
            parse.GetValue(reason),
            parse.GetValue(replacement)), token), ct));
        return command;
    }

    private sealed record Arguments(IReadOnlyList<string> Paths, string? LockFile, bool Force, IReadOnlyList<string> Deprecate, string? Reason, string? Replacement);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        if (args.Deprecate.Count > 0 && string.IsNullOrWhiteSpace(args.Reason))
        {
            throw new UsageException("--deprecate needs --reason \"why the item was removed\".");
        }
        var (input, settingsDiagnostics) = PackInputs.Resolve(io, args.Paths, []);
        if (PackInputs.HasErrors(settingsDiagnostics))
        {
            await PackInputs.PrintAsync(io, settingsDiagnostics).ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var content = await ContentPipeline.LoadAsync(input, analyzer: null, cancellationToken).ConfigureAwait(false);
        var loadingErrors = ContentPipeline.LoadingErrors(content);
        if (loadingErrors.Count > 0)
        {
            await PackInputs.PrintAsync(io, loadingErrors).ConfigureAwait(false);
            await io.Error.WriteLineAsync("aipack lock: fix the files above first; an unreadable item would look removed.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }

        var lockPath = PackInputs.LockPath(io, input, args.LockFile);
        var readProblems = new List<SentinelAiPack.Content.Diagnostics.Diagnostic>();
        var existing = LockFileSerializer.Read(lockPath, readProblems);
        if (existing is null)
        {
            await PackInputs.PrintAsync(io, readProblems).ConfigureAwait(false);
            return ExitCodes.Failures;
        }
        var options = new LockUpdateOptions
        {
            Force = args.Force,
            Deprecations = args.Deprecate.Select(id => new Deprecation(id.Trim(), args.Reason!, args.Replacement)).ToList(),
        };
        var result = LockUpdate.Apply(content, existing, lockPath, options);
        await PackInputs.PrintAsync(io, result.Diagnostics).ConfigureAwait(false);
        if (result.Refused)
        {
            await io.Error.WriteLineAsync($"aipack lock: {io.Display(lockPath)} was not changed.").ConfigureAwait(false);
            return ExitCodes.Failures;
        }

        var file = LockFileSerializer.ToFile(Path.GetFileName(lockPath), result.LockFile!);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        await File.WriteAllBytesAsync(lockPath, file.Bytes, cancellationToken).ConfigureAwait(false);
        foreach (var change in result.Changes.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            await io.Out.WriteLineAsync($"  {change.Name} ({change.Key}): {change.What}").ConfigureAwait(false);
        }
        await io.Out.WriteLineAsync($"Locked {result.LockFile!.Count} item(s), {result.LockFile.Deprecated.Count} deprecated, in {io.Display(lockPath)} ({result.Changes.Count} change(s)).").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
