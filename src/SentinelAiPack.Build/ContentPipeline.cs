using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Content.Settings;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Build;

/// <summary>What the build, lock and deploy work on: content paths, extra schema folders, the repository's settings.</summary>
public sealed record PipelineInput
{
    public required IReadOnlyList<string> Paths { get; init; }

    public IReadOnlyList<string> SchemaFolders { get; init; } = [];

    public ContentSettings? Settings { get; init; }

    /// <summary>The content root when there is no settings file (the working directory).</summary>
    public required string RootDirectory { get; init; }

    public Func<string, string> DisplayPath { get; init; } = path => path;

    /// <summary>Validators of other content kinds (workbook specs), run by validation as <c>aipack validate</c> runs them.</summary>
    public IReadOnlyList<IExtraFileValidator> ExtraValidators { get; init; } = [];
}

/// <summary>Validation's verdict and, for the generators, the loaded and analyzed content.</summary>
public sealed record PipelineResult(ValidationReport Report, PackContent Content)
{
    public bool HasErrors => Report.ErrorCount > 0;
}

/// <summary>
/// Runs `aipack validate` on the content, then loads it for the generators with every query analyzed (tables,
/// columns and functions each item reads). The analyzer's result cache makes the second analysis cheap.
/// </summary>
public static class ContentPipeline
{
    public static async Task<PipelineResult> RunAsync(
        PipelineInput input, IKqlAnalyzer analyzer, IProgress<ValidationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(analyzer);
        var report = await new ContentValidator(analyzer, input.ExtraValidators).ValidateAsync(new ValidationInput
        {
            Paths = input.Paths,
            SchemaFolders = input.SchemaFolders,
            Settings = input.Settings,
            DisplayPath = input.DisplayPath,
        }, progress, cancellationToken).ConfigureAwait(false);
        var content = await LoadAsync(input, analyzer, cancellationToken).ConfigureAwait(false);
        return new PipelineResult(report, content);
    }

    /// <summary>Loads the content without validating it; analyzes the queries unless <paramref name="analyzer"/> is null (the lock needs no analysis).</summary>
    public static async Task<PackContent> LoadAsync(PipelineInput input, IKqlAnalyzer? analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var content = ContentLoader.Load(input.Paths, LoadOptions.For(input.Settings));
        var ownFolders = (input.Settings?.SchemaFolders ?? []).Concat(input.SchemaFolders).Select(Path.GetFullPath).ToList();
        var builder = new SchemaSetBuilder(input.Settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        builder.AddBuiltIns();
        foreach (var folder in ownFolders)
        {
            builder.AddFolder(folder);
        }
        builder.AddParsers(content.Parsers);
        var (schemas, _) = builder.Build();

        var analyzed = analyzer is null ? [] : await QueryAnalysisRunner.AnalyzeAsync(content, schemas, analyzer, cancellationToken).ConfigureAwait(false);
        var analyses = analyzed.ToDictionary(a => a.Item, a => a.Analysis);
        var items = content.Items
            .Select(item => new PackItem(item, analyses.GetValueOrDefault(item)))
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ThenBy(i => i.Item.FilePath, StringComparer.Ordinal)
            .ToList();
        var customTables = schemas.Tables
            .Where(t => t.Name.EndsWith("_CL", StringComparison.Ordinal) && t.SourcePath is { } source && ownFolders.Any(f => IsBelow(source, f)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var root = input.Settings?.RootDirectory ?? Path.GetFullPath(input.RootDirectory);
        return new PackContent(content, schemas, items, customTables, root, input.Settings) { ContentPaths = input.Paths.Select(Path.GetFullPath).ToList() };
    }

    /// <summary>Loading errors (unreadable or malformed files): items behind them are missing, so the lock must not be rewritten.</summary>
    public static IReadOnlyList<Diagnostic> LoadingErrors(PackContent content) =>
        content.Content.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    private static bool IsBelow(string file, string folder)
    {
        var full = Path.GetFullPath(file);
        return full.Equals(folder, StringComparison.Ordinal) ||
            full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
