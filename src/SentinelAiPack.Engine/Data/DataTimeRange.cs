using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>The earliest and latest TimeGenerated of a set of tables, and whether a query's lookback can see any of it.</summary>
public readonly record struct DataTimeRange(DateTime First, DateTime Last)
{
    /// <summary>The range over the TimeGenerated columns of <paramref name="tables"/>, or null when no row has one.</summary>
    public static DataTimeRange? Of(IEnumerable<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        long first = long.MaxValue, last = long.MinValue;
        foreach (var table in tables)
        {
            var index = table.Schema.IndexOf("TimeGenerated");
            if (index < 0 || table.Schema[index].Kind != ScalarKind.DateTime)
            {
                continue;
            }
            var column = (Column<long>)table.Column(index);
            for (var row = 0; row < column.Length; row++)
            {
                if (!column.IsNull(row))
                {
                    first = Math.Min(first, column[row]);
                    last = Math.Max(last, column[row]);
                }
            }
        }
        return first == long.MaxValue ? null : new DataTimeRange(new DateTime(first, DateTimeKind.Utc), new DateTime(last, DateTimeKind.Utc));
    }

    /// <summary>True when some of the range lies in the lookback (now - lookback, now].</summary>
    public bool Overlaps(DateTime now, TimeSpan lookback) => Last > now - lookback && First <= now;
}
