using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Workbooks;

/// <summary>SAP7xxx: workbook specs and the gallery JSON generated from them.</summary>
public static class WorkbookCodes
{
    private const string Category = "Workbook";

    public static readonly DiagnosticDescriptor MissingField =
        new("SAP7001", DiagnosticSeverity.Error, "A required workbook spec field is missing") { Category = Category };

    public static readonly DiagnosticDescriptor InvalidValue =
        new("SAP7002", DiagnosticSeverity.Error, "A workbook spec value is not allowed") { Category = Category };

    public static readonly DiagnosticDescriptor UnknownParameter =
        new("SAP7003", DiagnosticSeverity.Error, "A query, text or setting names a parameter the workbook does not declare") { Category = Category };

    public static readonly DiagnosticDescriptor UnsupportedParameterFormat =
        new("SAP7004", DiagnosticSeverity.Error, "A parameter reference uses a format the pack does not support in queries") { Category = Category };

    public static readonly DiagnosticDescriptor DuplicateName =
        new("SAP7005", DiagnosticSeverity.Error, "Two parameters or two tiles of a workbook share a name") { Category = Category };

    public static readonly DiagnosticDescriptor DrillDownColumnMissing =
        new("SAP7006", DiagnosticSeverity.Error, "A drill-down exports a column the tile query does not return") { Category = Category };

    public static readonly DiagnosticDescriptor VisualizationMismatch =
        new("SAP7007", DiagnosticSeverity.Error, "The query's output columns cannot be drawn with the tile's visualization") { Category = Category };

    public static readonly DiagnosticDescriptor UndeclaredDataType =
        new("SAP7008", DiagnosticSeverity.Warning, "The workbook reads a table its dataTypes do not list") { Category = Category };

    public static readonly DiagnosticDescriptor UnusedParameter =
        new("SAP7009", DiagnosticSeverity.Warning, "A parameter is declared but no query or setting uses it") { Category = Category };

    public static readonly DiagnosticDescriptor TemplateCheckFailed =
        new("SAP7010", DiagnosticSeverity.Error, "The generated gallery JSON fails a check the Azure-Sentinel repository applies to workbooks") { Category = Category };

    public static readonly DiagnosticDescriptor NotTabular =
        new("SAP7011", DiagnosticSeverity.Error, "A tile or parameter query must return a table") { Category = Category };

    public static readonly DiagnosticDescriptor DuplicateKey =
        new("SAP7012", DiagnosticSeverity.Error, "Two workbooks share a gallery key") { Category = Category };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        MissingField, InvalidValue, UnknownParameter, UnsupportedParameterFormat, DuplicateName, DrillDownColumnMissing,
        VisualizationMismatch, UndeclaredDataType, UnusedParameter, TemplateCheckFailed, NotTabular, DuplicateKey,
    ];
}
