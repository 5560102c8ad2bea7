using System.Collections.Concurrent;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// The data a simulation reads, loaded once and indexed once per table: rows are ordered by their time column, so the
/// window of each run, (start, end], is two binary searches and a slice that shares the column storage (no copy per
/// run). Scheduled rules window on TimeGenerated, NRT rules on ingestion time (<c>_TimeReceived</c> when the table has
/// it, else TimeGenerated, as the engine's ingestion_time() reads it). Rows without a time are in no window; tables
/// without a time column are passed whole. Watchlists and externaldata copies are the same for every run.
/// </summary>
public sealed class SimulationData
{
    private const string TimeGenerated = "TimeGenerated";
    private const string TimeReceived = "_TimeReceived";

    private readonly IReadOnlyDictionary<string, Table> _tables;
    private readonly ConcurrentDictionary<(string Table, WindowClock Clock), Lazy<TimeIndex?>> _indexes = new();

    public SimulationData(IReadOnlyDictionary<string, Table> tables, IReadOnlyDictionary<string, Table>? watchlists = null, IExternalDataSource? externalData = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
        Watchlists = watchlists ?? new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        ExternalData = externalData;
    }

    public IReadOnlyDictionary<string, Table> Tables => _tables;

    public IReadOnlyDictionary<string, Table> Watchlists { get; }

    public IExternalDataSource? ExternalData { get; }

    /// <summary>Every table cut to the rows whose time is in (<paramref name="start"/>, <paramref name="end"/>].</summary>
    public IReadOnlyDictionary<string, Table> Window(DateTime start, DateTime end, WindowClock clock = WindowClock.TimeGenerated)
    {
        var result = new Dictionary<string, Table>(_tables.Count, StringComparer.Ordinal);
        foreach (var (name, table) in _tables)
        {
            var index = Index(name, clock);
            result[name] = index is null ? table : index.Slice(start.Ticks, end.Ticks);
        }
        return result;
    }

    /// <summary>The earliest and latest TimeGenerated over every table, or null when no row has one.</summary>
    public (DateTime First, DateTime Last)? TimeRange()
    {
        long? first = null, last = null;
        foreach (var name in _tables.Keys)
        {
            if (Index(name, WindowClock.TimeGenerated) is { Count: > 0 } index)
            {
                first = Math.Min(first ?? long.MaxValue, index.First);
                last = Math.Max(last ?? long.MinValue, index.Last);
            }
        }
        return first is null ? null : (new DateTime(first.Value, DateTimeKind.Utc), new DateTime(last!.Value, DateTimeKind.Utc));
    }

    /// <summary>
    /// Distinct non-empty SessionId values of rows with TimeGenerated in (<paramref name="start"/>, <paramref name="end"/>],
    /// over every table that has a SessionId text column: the denominator of "alerts per 10,000 sessions".
    /// </summary>
    public long CountSessions(DateTime start, DateTime end)
    {
        var sessions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in Window(start, end).Values)
        {
            var column = table.Schema.IndexOf("SessionId");
            if (column < 0 || table.Schema[column].Kind != ScalarKind.String)
            {
                continue;
            }
            var values = (Column<string>)table.Column(column);
            for (var row = 0; row < values.Length; row++)
            {
                if (!values.IsNull(row) && values[row] is { Length: > 0 } id)
                {
                    sessions.Add(id);
                }
            }
        }
        return sessions.Count;
    }

    private TimeIndex? Index(string table, WindowClock clock) =>
        _indexes.GetOrAdd((table, clock), key => new Lazy<TimeIndex?>(() => TimeIndex.Build(_tables[key.Table], key.Clock))).Value;

    /// <summary>A table's rows ordered by time (stable: rows with the same time keep their order).</summary>
    private sealed class TimeIndex(Table sorted, long[] ticks)
    {
        public int Count => ticks.Length;

        public long First => ticks[0];

        public long Last => ticks[^1];

        public static TimeIndex? Build(Table table, WindowClock clock)
        {
            var column = clock == WindowClock.IngestionTime && IsTime(table, TimeReceived) ? TimeReceived : TimeGenerated;
            if (!IsTime(table, column))
            {
                return null;
            }
            var times = (Column<long>)table.Column(table.Schema.IndexOf(column));
            var rows = Enumerable.Range(0, table.RowCount).Where(r => !times.IsNull(r)).ToArray();
            var order = rows.OrderBy(r => times[r]).ToArray();    // OrderBy is stable
            return new TimeIndex(table.Gather(order), order.Select(r => times[r]).ToArray());
        }

        public Table Slice(long start, long end)
        {
            var from = UpperBound(start);
            var to = UpperBound(end);
            return sorted.Slice(from, Math.Max(0, to - from));
        }

        /// <summary>The first position whose time is greater than <paramref name="value"/>.</summary>
        private int UpperBound(long value)
        {
            int low = 0, high = ticks.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (ticks[middle] <= value)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        private static bool IsTime(Table table, string column)
        {
            var index = table.Schema.IndexOf(column);
            return index >= 0 && table.Schema[index].Kind == ScalarKind.DateTime;
        }
    }
}

/// <summary>Which time a run's window is cut on.</summary>
public enum WindowClock
{
    /// <summary>Scheduled rules: the event time.</summary>
    TimeGenerated,

    /// <summary>NRT rules: when the row was ingested.</summary>
    IngestionTime,
}
