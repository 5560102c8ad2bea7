using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Validation.BestPractices;
using SentinelAiPack.Validation.CrossChecks;
using SentinelAiPack.Validation.Kql;
using SentinelAiPack.Validation.Templates;

namespace SentinelAiPack.Validation;

/// <summary>Every diagnostic code `aipack validate` can report, from each area's catalog.</summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        LoadingCodes.All
            .Concat(TemplateCodes.All)
            .Concat(KqlCodes.All)
            .Concat(CrossCheckCodes.All)
            .Concat(BestPracticeCodes.All)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode =
        All.GroupBy(d => d.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static DiagnosticDescriptor? Find(string code) =>
        ByCode.TryGetValue(code, out var descriptor) ? descriptor
        : BestPracticeCodes.IsBestPracticeCode(code) ? BestPracticeCodes.ForKustoCode("KS" + code[4..])
        : null;
}
