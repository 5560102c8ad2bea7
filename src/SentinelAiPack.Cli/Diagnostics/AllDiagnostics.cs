using SentinelAiPack.Build;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Validation;
using SentinelAiPack.Workbooks;

namespace SentinelAiPack.Cli.Diagnostics;

/// <summary>Every diagnostic code any `aipack` command can report: the catalogs of all layers, composed at the top.</summary>
public static class AllDiagnostics
{
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        DiagnosticCatalog.All
            .Concat(Engine.EngineCodes.All)
            .Concat(WorkbookCodes.All)
            .Concat(BuildCodes.All)
            .Concat(Patterns.PatternCodes.All)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    public static DiagnosticDescriptor? Find(string code) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal)) ?? DiagnosticCatalog.Find(code);
}
