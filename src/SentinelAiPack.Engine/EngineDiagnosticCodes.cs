namespace SentinelAiPack.Engine;

/// <summary>The local engine's and rule tests' stable diagnostic codes (SAP6xxx).</summary>
public static class EngineDiagnosticCodes
{
    /// <summary>The query uses an operator or function the local engine does not run (named in the message).</summary>
    public const string NotSupportedByEngine = "SAP6001";

    /// <summary>The analyzer reported errors in the query; the engine does not run queries with errors.</summary>
    public const string QueryHasErrors = "SAP6002";

    /// <summary>The engine could not compile a query the analyzer accepted (an engine defect or an unusual construct).</summary>
    public const string CompileFailed = "SAP6003";

    /// <summary>The query failed while running (bad data, a limit exceeded).</summary>
    public const string RuntimeFailed = "SAP6004";

    /// <summary>A rule test case did not meet its expectation.</summary>
    public const string TestFailed = "SAP6101";

    /// <summary>A tests file (name.tests.yaml) is malformed.</summary>
    public const string TestFileInvalid = "SAP6102";

    /// <summary>A rule's tests were skipped because the engine cannot run the rule.</summary>
    public const string TestSkipped = "SAP6103";

    /// <summary>A data file for `aipack run --data` could not be read.</summary>
    public const string DataFileInvalid = "SAP6104";
}
