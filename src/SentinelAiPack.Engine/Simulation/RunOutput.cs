namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// What one run of a rule's query returned: the row count (all the trigger needs) and the rows as text (Kusto's
/// string forms, null for null), converted only when the run raises alerts.
/// </summary>
public sealed class RunOutput(int rowCount, IReadOnlyList<string> columns, Func<IReadOnlyList<string?[]>> rows)
{
    private readonly Lazy<IReadOnlyList<string?[]>> _rows = new(rows);

    public static RunOutput Empty { get; } = new(0, [], () => []);

    public int RowCount { get; } = rowCount;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string?[]> Rows => _rows.Value;

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Builds an output from rows already in text form (tests, the workspace client).</summary>
    public static RunOutput FromRows(IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows) => new(rows.Count, columns, () => rows);
}

/// <summary>The time a run happens (its now()) and the data window it reads: (Start, End], End = Now.</summary>
public readonly record struct RunWindow(DateTime Start, DateTime End)
{
    public DateTime Now => End;
}
