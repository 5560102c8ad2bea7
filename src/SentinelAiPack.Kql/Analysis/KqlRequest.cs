using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql;

/// <summary>How much of the analyzer runs for a request.</summary>
public enum KqlAnalysisMode
{
    /// <summary>Parse and bind against the schema set: every diagnostic, output columns, references.</summary>
    Query,

    /// <summary>Parse only (3–8× cheaper): syntax diagnostics, no schema, no output or references.</summary>
    ParseOnly,
}

/// <summary>One query to analyze. <see cref="Id"/> is the caller's and comes back on the result.</summary>
public sealed record KqlRequest(string Id, string Text)
{
    public KqlAnalysisMode Mode { get; init; } = KqlAnalysisMode.Query;

    /// <summary>Compute the result schema (output columns) of a tabular query.</summary>
    public bool WantOutput { get; init; } = true;

    /// <summary>Report the workspace tables, columns and functions the query uses (also through functions).</summary>
    public bool WantReferences { get; init; } = true;

    /// <summary>Run Kusto.Language's own best-practice analyzers (contains vs has, join without kind, ...).</summary>
    public bool WantBestPractices { get; init; } = true;

    /// <summary>
    /// Names declared for the text, e.g. the parameters of a function body validated on its own. Offsets in the
    /// result stay those of <see cref="Text"/>.
    /// </summary>
    public IReadOnlyList<FunctionParameter>? Parameters { get; init; }

    /// <summary>A request that validates a function (parser) body on its own with its parameters declared.</summary>
    public static KqlRequest ForFunctionBody(string id, string body, IReadOnlyList<FunctionParameter> parameters) =>
        new(id, body) { Parameters = parameters };
}
