using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Kql;

/// <summary>SAP2xxx: findings of Microsoft's KQL analyzer, positioned in the YAML file.</summary>
public static class KqlCodes
{
    public static readonly DiagnosticDescriptor KqlError =
        new("SAP2001", DiagnosticSeverity.Error, "KQL error reported by the official analyzer") { Category = "Kql" };

    public static readonly DiagnosticDescriptor KqlWarning =
        new("SAP2002", DiagnosticSeverity.Warning, "KQL warning reported by the official analyzer") { Category = "Kql" };

    public static readonly DiagnosticDescriptor AnalysisFailed =
        new("SAP2003", DiagnosticSeverity.Error, "The analyzer could not finish this query") { Category = "Kql" };

    public static readonly DiagnosticDescriptor NotTabular =
        new("SAP2004", DiagnosticSeverity.Error, "A rule, hunting query or parser must return a table") { Category = "Kql" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [KqlError, KqlWarning, AnalysisFailed, NotTabular];
}
