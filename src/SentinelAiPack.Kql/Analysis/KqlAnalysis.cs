using System.Text.Json.Serialization;

namespace SentinelAiPack.Kql;

/// <summary>Severity as Kusto.Language reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KqlSeverity>))]
public enum KqlSeverity
{
    Error,
    Warning,
    Suggestion,
    Information,
    Hidden,
}

/// <summary>
/// A finding of the official analyzer. <see cref="Start"/>/<see cref="Length"/> are UTF-16 offsets into the
/// request text; <see cref="IsSyntax"/> marks parser (not binder) diagnostics.
/// </summary>
public sealed record KqlDiagnostic(KqlSeverity Severity, string Code, string Message, int Start, int Length, string Category, bool IsSyntax);

/// <summary>A column of the query's result; <see cref="Type"/> is the Kusto type name (<c>unknown</c> for open tables).</summary>
public sealed record KqlColumn(string Name, string Type);

/// <summary>
/// A workspace table the query reads. <see cref="Via"/> is null when the query names the table itself, otherwise the
/// workspace function the query calls through which the table is reached (the outermost one when functions nest).
/// A direct reference carries the range of its first use in the request text (<see cref="Start"/>, <see cref="Length"/>).
/// </summary>
public sealed record KqlTableReference(string Name, string? Via)
{
    public int? Start { get; init; }

    public int? Length { get; init; }
}

/// <summary>A column of a workspace table the query reads; <see cref="Via"/> as for tables.</summary>
public sealed record KqlColumnReference(string Table, string Column, string? Via);

/// <summary>
/// A <c>project-rename Name = From</c> at offset <paramref name="Start"/> whose source <c>From</c> the analyzer could not
/// resolve: <c>Name</c> does not exist afterwards.
/// </summary>
public sealed record KqlUnresolvedRename(string Name, string From, int Start);

/// <summary>
/// <c>| invoke Name(...)</c> of a function the analyzer could not resolve; the rest of its pipeline, offsets
/// <paramref name="Start"/> to <paramref name="End"/>, has no columns, except the nested pipelines in
/// <paramref name="OwnSources"/> (a union or join operand), which read their own tables.
/// </summary>
public sealed record KqlUnresolvedInvoke(string Name, int Start, int End, IReadOnlyList<KqlTextSpan>? OwnSources = null)
{
    /// <summary>True when offset <paramref name="at"/> is in the pipeline after the invoke and not in a nested one.</summary>
    public bool Covers(int at) => at >= Start && at < End && !(OwnSources ?? []).Any(s => at >= s.Start && at < s.End);
}

/// <summary>A range of query text, <paramref name="Start"/> inclusive to <paramref name="End"/> exclusive.</summary>
public sealed record KqlTextSpan(int Start, int End);

/// <summary>A workspace function (parser, watchlist, saved function) the query calls; <see cref="Via"/> and the range as for tables.</summary>
public sealed record KqlFunctionReference(string Name, string? Via)
{
    public int? Start { get; init; }

    public int? Length { get; init; }
}

/// <summary>Everything the analyzer says about one <see cref="KqlRequest"/>.</summary>
public sealed record KqlAnalysis
{
    public required string Id { get; init; }

    /// <summary>Parser and binder diagnostics (errors, warnings) in the order the analyzer gives them.</summary>
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Best-practice findings of Kusto.Language's analyzers, kept apart from <see cref="Diagnostics"/>.</summary>
    public IReadOnlyList<KqlDiagnostic> BestPractices { get; init; } = [];

    /// <summary>The result schema when <see cref="IsTabular"/>.</summary>
    public IReadOnlyList<KqlColumn> OutputColumns { get; init; } = [];

    public bool IsTabular { get; init; }

    public IReadOnlyList<KqlTableReference> Tables { get; init; } = [];

    public IReadOnlyList<KqlColumnReference> Columns { get; init; } = [];

    public IReadOnlyList<KqlFunctionReference> Functions { get; init; } = [];

    /// <summary>Renames of names the analyzer could not resolve (their new names' later uses are the same cause).</summary>
    public IReadOnlyList<KqlUnresolvedRename> UnresolvedRenames { get; init; } = [];

    /// <summary>Invokes of functions the analyzer could not resolve (names used after them in the pipeline are the same cause).</summary>
    public IReadOnlyList<KqlUnresolvedInvoke> UnresolvedInvokes { get; init; } = [];

    /// <summary>
    /// Set when the analyzer could not finish this query (e.g. nesting deep enough to exhaust the stack) or an input
    /// was rejected (a parameter default that is not a literal); the other fields hold what was computed.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>
    /// Set with <see cref="Failure"/> when the analyzer ran out of its time budget: nothing is known about the query, which
    /// says nothing about its correctness (a loaded machine can cause it), and such a result is never cached.
    /// </summary>
    [JsonIgnore]
    public bool TimedOut { get; init; }

    /// <summary>True when the result came from the on-disk result cache rather than an engine.</summary>
    [JsonIgnore]
    public bool FromCache { get; init; }

    [JsonIgnore]
    public bool HasSyntaxErrors => Diagnostics.Any(d => d.IsSyntax && d.Severity == KqlSeverity.Error);

    [JsonIgnore]
    public bool HasErrors => Diagnostics.Any(d => d.Severity == KqlSeverity.Error);
}
