using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.CrossChecks;

/// <summary>SAP3xxx: checks no public validator does: names against schemas, mappings against the query's output.</summary>
public static class CrossCheckCodes
{
    public static readonly DiagnosticDescriptor UnknownTable =
        new("SAP3001", DiagnosticSeverity.Error, "Table or function missing from the schemas") { Category = "CrossCheck" };

    public static readonly DiagnosticDescriptor UnknownName =
        new("SAP3002", DiagnosticSeverity.Error, "Column or name missing from the schemas") { Category = "CrossCheck" };

    public static readonly DiagnosticDescriptor EntityColumnNotInOutput =
        new("SAP3010", DiagnosticSeverity.Error, "Entity mapping column is not in the query's output") { Category = "CrossCheck" };

    public static readonly DiagnosticDescriptor CustomDetailColumnNotInOutput =
        new("SAP3011", DiagnosticSeverity.Error, "Custom detail column is not in the query's output") { Category = "CrossCheck" };

    public static readonly DiagnosticDescriptor AlertOverrideColumnNotInOutput =
        new("SAP3012", DiagnosticSeverity.Error, "Alert details override column is not in the query's output") { Category = "CrossCheck" };

    public static readonly DiagnosticDescriptor TableNotCoveredByConnector =
        new("SAP3020", DiagnosticSeverity.Warning, "Table read by the query is not listed in requiredDataConnectors") { Category = "CrossCheck" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [UnknownTable, UnknownName, EntityColumnNotInOutput, CustomDetailColumnNotInOutput, AlertOverrideColumnNotInOutput, TableNotCoveredByConnector];
}
