namespace SentinelAiPack.Content.Diagnostics;

/// <summary>
/// One finding about one file. <see cref="Code"/> is stable across releases (e.g. <c>SAP1001</c>) so CI
/// configurations and suppressions can name it; <see cref="FilePath"/> is as the user gave it (relative when possible).
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string FilePath,
    SourceSpan Span)
{
    /// <summary>Where the finding came from, e.g. the id of the rule or the KQL analyzer code behind it.</summary>
    public string? Source { get; init; }

    public Diagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };
}
