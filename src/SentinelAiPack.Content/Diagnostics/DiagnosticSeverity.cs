namespace SentinelAiPack.Content.Diagnostics;

/// <summary>How serious a finding is. Errors fail a run; warnings fail it only with --warnings-as-errors.</summary>
public enum DiagnosticSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
