namespace SentinelAiPack.Content.Diagnostics;

/// <summary>
/// The fixed part of a finding: its stable code, default severity and a one-line title. Catalog classes
/// (e.g. <see cref="LoadingCodes"/>) hold one descriptor per code so docs, reporters and tests can enumerate them.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity DefaultSeverity, string Title)
{
    /// <summary>The area the code belongs to (Loading, Template, Kql, ...), shown by reporters such as SARIF.</summary>
    public string Category { get; init; } = "General";

    /// <summary>Where the code is documented, relative to the repository.</summary>
    public string HelpAnchor => "docs/diagnostics.md#" + Code.ToLowerInvariant();

    public Diagnostic Create(string filePath, SourceSpan span, string message) =>
        new(Code, DefaultSeverity, message, filePath, span);
}
