namespace SentinelAiPack.Engine.Coverage;

/// <summary>The outcome for one corpus query.</summary>
public sealed record QuerySupport(string Source, bool SyntaxValid, bool Supported, string? Blocker);

/// <summary>How much of a corpus the engine compiles, and what blocks the rest.</summary>
public sealed class EngineSupportReport(IReadOnlyList<QuerySupport> queries)
{
    public IReadOnlyList<QuerySupport> Queries { get; } = queries;

    /// <summary>M: queries without syntax errors.</summary>
    public int SyntaxValid => Queries.Count(q => q.SyntaxValid);

    /// <summary>N: syntactically valid queries the engine compiles.</summary>
    public int Supported => Queries.Count(q => q.Supported);

    public double Percent => SyntaxValid == 0 ? 0 : 100.0 * Supported / SyntaxValid;

    /// <summary>Blocking constructs by the number of queries they block (a query counts once, for its first blocker).</summary>
    public IReadOnlyList<(string Blocker, int Queries)> Blockers =>
        Queries.Where(q => q.SyntaxValid && !q.Supported)
            .GroupBy(q => q.Blocker ?? "(unknown)")
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The last line of <c>aipack engine-support</c>: <c>N/M queries supported (P%)</c>.</summary>
    public string Summary => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Supported}/{SyntaxValid} queries supported ({Percent:F1}%)");
}
