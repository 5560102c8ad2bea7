namespace SentinelAiPack.Build.Docs;

/// <summary>
/// What the local engine returned when it ran an item's query on the events of its firing test case: the row count
/// and the first row (column, value as Kusto's tostring() prints it), or why it could not run.
/// </summary>
public sealed record SampleOutput(string CaseName, int RowCount, IReadOnlyList<(string Column, string Value)> FirstRow)
{
    /// <summary>Set when the engine could not run the query (unsupported operator, bad sample data); the page says so.</summary>
    public string? Failure { get; init; }

    public static SampleOutput Failed(string caseName, string reason) => new(caseName, 0, []) { Failure = reason };
}
