using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Engine;

/// <summary>SAP6xxx: the local engine (compile, run) and rule tests (<c>aipack test</c>).</summary>
public static class EngineCodes
{
    public static readonly DiagnosticDescriptor NotSupportedByEngine =
        new("SAP6001", DiagnosticSeverity.Error, "Operator or function not supported by the local engine") { Category = "Engine" };

    public static readonly DiagnosticDescriptor QueryHasErrors =
        new("SAP6002", DiagnosticSeverity.Error, "The query has analyzer errors; the engine does not run it") { Category = "Engine" };

    public static readonly DiagnosticDescriptor CompileFailed =
        new("SAP6003", DiagnosticSeverity.Error, "The engine could not compile the query") { Category = "Engine" };

    public static readonly DiagnosticDescriptor RuntimeFailed =
        new("SAP6004", DiagnosticSeverity.Error, "The query failed while running") { Category = "Engine" };

    public static readonly DiagnosticDescriptor InternalError =
        new("SAP6005", DiagnosticSeverity.Error, "The local engine failed internally on this query") { Category = "Engine" };

    public static readonly DiagnosticDescriptor TestFailed =
        new("SAP6101", DiagnosticSeverity.Error, "A rule test case did not meet its expectation") { Category = "Tests" };

    public static readonly DiagnosticDescriptor TestFileInvalid =
        new("SAP6102", DiagnosticSeverity.Error, "Malformed tests file") { Category = "Tests" };

    public static readonly DiagnosticDescriptor DataFileInvalid =
        new("SAP6104", DiagnosticSeverity.Error, "Data file could not be read") { Category = "Tests" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [NotSupportedByEngine, QueryHasErrors, CompileFailed, RuntimeFailed, InternalError, TestFailed, TestFileInvalid, DataFileInvalid];
}
