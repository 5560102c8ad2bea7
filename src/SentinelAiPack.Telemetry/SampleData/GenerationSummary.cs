namespace SentinelAiPack.Telemetry.SampleData;

/// <summary>What a generation wrote: rows per table and the scenarios injected with their time and markers.</summary>
public sealed record GenerationSummary(
    IReadOnlyList<(string Table, long Rows)> Tables,
    IReadOnlyList<InjectedScenario> Scenarios)
{
    public long TotalRows => Tables.Sum(t => t.Rows);
}

/// <summary>A scenario as injected: name, start time and the identifiers rules should find.</summary>
public sealed record InjectedScenario(string Name, string Description, DateTime At, IReadOnlyDictionary<string, string> Markers);
