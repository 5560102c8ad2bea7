using SentinelAiPack.Build;
using SentinelAiPack.Build.Lock;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Validation.Reporting;

namespace SentinelAiPack.Cli.Content;

/// <summary>What build, lock, deploy and schema pull share: the content to work on, its lock file, and how findings print.</summary>
public static class PackInputs
{
    public static (PipelineInput Input, IReadOnlyList<Diagnostic> SettingsDiagnostics) Resolve(IOContext io, IReadOnlyList<string> paths, IReadOnlyList<string> schemas)
    {
        var (settings, settingsDiagnostics) = ContentLocator.LoadSettings(io);
        var input = new PipelineInput
        {
            Paths = ContentLocator.ResolvePaths(io, paths, settings),
            SchemaFolders = schemas.Select(io.Resolve).ToList(),
            Settings = settings,
            RootDirectory = io.WorkingDirectory,
            DisplayPath = io.Display,
        };
        return (input, settingsDiagnostics);
    }

    /// <summary>
    /// <c>--lock FILE</c>, else <c>aipack.lock.json</c> in the first content folder (<c>detections/aipack.lock.json</c>
    /// for the pack), else in the content root.
    /// </summary>
    public static string LockPath(IOContext io, PipelineInput input, string? option)
    {
        if (option is { Length: > 0 })
        {
            return io.Resolve(option);
        }
        var folder = input.Paths.FirstOrDefault(Directory.Exists) ?? input.Settings?.RootDirectory ?? io.WorkingDirectory;
        return Path.Combine(folder, LockFile.FileName);
    }

    /// <summary>Prints findings compiler-style (<c>path:line:col: error SAP8010: …</c>), paths relative to the working directory.</summary>
    public static async Task PrintAsync(IOContext io, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics
            .OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal))
        {
            await io.Error.WriteLineAsync(TextReportWriter.FormatHeader(diagnostic with { FilePath = io.Display(diagnostic.FilePath) })).ConfigureAwait(false);
        }
    }

    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
