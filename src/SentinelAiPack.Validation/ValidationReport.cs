using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation;

/// <summary>The outcome of a validation run: every finding, the files looked at and how long it took.</summary>
public sealed record ValidationReport(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Files,
    int ItemCount,
    TimeSpan Elapsed)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Diagnostics in a stable order: by file, then position, then code.</summary>
    public IEnumerable<Diagnostic> Ordered =>
        Diagnostics
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal);
}
