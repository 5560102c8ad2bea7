namespace SentinelAiPack.Content.Diagnostics;

/// <summary>
/// What a diagnostic code means: its title (one line), default severity and documentation anchor.
/// Each area of the toolchain keeps its descriptors in one catalog class; reporters (SARIF rules, docs) read them.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity DefaultSeverity, string Category)
{
    /// <summary>Where the code is documented, relative to the repository (rendered as a link by reporters).</summary>
    public string HelpAnchor => "docs/diagnostics.md#" + Code.ToLowerInvariant();

    /// <summary>Creates a finding of this kind.</summary>
    public Diagnostic Create(string message, string filePath, SourceSpan span, DiagnosticSeverity? severity = null) =>
        new(Code, severity ?? DefaultSeverity, message, filePath, span);
}
