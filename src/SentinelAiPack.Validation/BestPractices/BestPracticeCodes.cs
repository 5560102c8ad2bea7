using System.Globalization;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.BestPractices;

/// <summary>
/// SAP4xxx: Kusto.Language's own best-practice analyzers, reported as warnings. Analyzer code KS5nn becomes
/// SAP45nn so the mapping is obvious and stable; SAP40xx are about suppressions themselves.
/// </summary>
public static class BestPracticeCodes
{
    public static readonly DiagnosticDescriptor SuppressionWithoutJustification =
        new("SAP4001", DiagnosticSeverity.Error, "A suppression must carry a written justification") { Category = "BestPractice" };

    public static readonly DiagnosticDescriptor UnusedSuppression =
        new("SAP4002", DiagnosticSeverity.Warning, "A suppression no longer matches any finding") { Category = "BestPractice" };

    public static readonly DiagnosticDescriptor UnknownSuppressionCode =
        new("SAP4003", DiagnosticSeverity.Error, "A suppression names a code that is not a best-practice code") { Category = "BestPractice" };

    /// <summary>Kusto.Language analyzer codes (KS500–KS516) and what they check.</summary>
    private static readonly (string KustoCode, string Title)[] Analyzers =
    [
        ("KS500", "Avoid 'contains' where 'has' works"),
        ("KS501", "Avoid isnull() on strings"),
        ("KS502", "Avoid isnotnull() on strings"),
        ("KS503", "Avoid comparisons with very short strings"),
        ("KS504", "Avoid tobool() on numbers"),
        ("KS505", "Aggregation of a value that is always null"),
        ("KS506", "Avoid format_datetime() in predicates"),
        ("KS507", "Avoid obsolete functions"),
        ("KS508", "Specify the join kind"),
        ("KS509", "stdev() on timespans needs a conversion"),
        ("KS510", "Column has the same name as a variable"),
        ("KS511", "Prefer the materialized_view() intrinsic"),
        ("KS512", "A called function has errors"),
        ("KS513", "Avoid legacy partition syntax"),
        ("KS514", "Avoid 'has' with IPv4 strings"),
        ("KS515", "Prefer the optimized alternative"),
        ("KS516", "Avoid strlen() on dynamic values"),
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByKustoCode = Analyzers.ToDictionary(
        a => a.KustoCode,
        a => new DiagnosticDescriptor(ToSapCode(a.KustoCode), DiagnosticSeverity.Warning, a.Title) { Category = "BestPractice" },
        StringComparer.Ordinal);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [SuppressionWithoutJustification, UnusedSuppression, UnknownSuppressionCode, .. ByKustoCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>The descriptor for a Kusto analyzer code; codes newer than this table get a generic SAP45nn descriptor.</summary>
    public static DiagnosticDescriptor ForKustoCode(string kustoCode) =>
        ByKustoCode.TryGetValue(kustoCode, out var descriptor)
            ? descriptor
            : new DiagnosticDescriptor(ToSapCode(kustoCode), DiagnosticSeverity.Warning, "Kusto.Language best-practice finding") { Category = "BestPractice" };

    public static bool IsBestPracticeCode(string code) =>
        code.StartsWith("SAP45", StringComparison.Ordinal) && code.Length == 7 && int.TryParse(code.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string ToSapCode(string kustoCode) =>
        kustoCode.StartsWith("KS", StringComparison.Ordinal) && kustoCode.Length == 5 ? "SAP4" + kustoCode[2..] : "SAP4599";
}
