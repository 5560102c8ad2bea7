namespace SentinelAiPack.Content.Diagnostics;

/// <summary>
/// The fixed part of a finding: its stable code, default severity and a one-line title. Catalog classes
/// (e.g. <see cref="LoadingCodes"/>) hold one descriptor per code so docs and tests can enumerate them.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity DefaultSeverity, string Title)
{
    public Diagnostic Create(string filePath, SourceSpan span, string message) =>
        new(Code, DefaultSeverity, message, filePath, span);
}
