using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>The pack's tables (detections/schemas) and parsers (detections/parsers, as functions with bodies).</summary>
public static class PackSchemaSet
{
    private static readonly Lazy<SchemaSet> Set = new(() =>
    {
        var (schemas, diagnostics) = new SchemaSetBuilder()
            .AddFolder(RepositoryPaths.Schemas)
            .AddFiles(Directory.EnumerateFiles(RepositoryPaths.Parsers, "*.yaml").Order(StringComparer.Ordinal))
            .Build();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? schemas : throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.FilePath}: {e.Message}")));
    });

    public static SchemaSet Schemas => Set.Value;

    /// <summary>Names of the pack's parser functions.</summary>
    public static IReadOnlyList<string> ParserNames =>
        [.. Directory.EnumerateFiles(RepositoryPaths.Parsers, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];
}
