using SentinelAiPack.Build;
using SentinelAiPack.Build.Lock;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Validation.Reporting;
using SentinelAiPack.Workbooks.Checks;

namespace SentinelAiPack.Cli.Content;

/// <summary>
/// What build and deploy run before generating anything: validation (errors stop, warnings print), then the version
/// lock check. Returns the content when both pass.
/// </summary>
public static class PackGate
{
    public static async Task<(PackContent? Content, int ErrorCount)> RunAsync(
        CliContext context, PipelineInput input, IReadOnlyList<Diagnostic> settingsDiagnostics, string? lockOption, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var progress = new TerminalProgress(io);
        var analyzer = KqlServices.Analyzer(context);
        var result = await ContentPipeline.RunAsync(input with { ExtraValidators = [new WorkbookFileValidator(analyzer)] }, analyzer, progress, cancellationToken).ConfigureAwait(false);
        progress.Clear();
        var findings = settingsDiagnostics.Concat(result.Report.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        await PackInputs.PrintAsync(io, findings).ConfigureAwait(false);
        if (result.HasErrors || PackInputs.HasErrors(settingsDiagnostics))
        {
            await io.Error.WriteLineAsync("aipack: validation failed: " + TextReportWriter.Summary(result.Report)).ConfigureAwait(false);
            return (null, result.Report.ErrorCount);
        }

        var lockPath = PackInputs.LockPath(io, input, lockOption);
        var lockDiagnostics = new List<Diagnostic>();
        var lockFile = LockFileSerializer.Read(lockPath, lockDiagnostics);
        if (lockFile is not null)
        {
            lockDiagnostics.AddRange(LockCheck.Check(result.Content, lockFile, lockPath));
        }
        await PackInputs.PrintAsync(io, lockDiagnostics).ConfigureAwait(false);
        if (PackInputs.HasErrors(lockDiagnostics))
        {
            await io.Error.WriteLineAsync($"aipack: the version lock ({io.Display(lockPath)}) does not match the content.").ConfigureAwait(false);
            return (null, lockDiagnostics.Count);
        }
        return (result.Content, 0);
    }
}
