using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>Answer of a Log Analytics query: the documented <c>tables</c> plus a PartialError when the service sent one.</summary>
public sealed record LogQueryResult(IReadOnlyList<LogTable> Tables, AzureErrorDetail? PartialError)
{
    /// <summary>An answer without tables (204 No Content: the workspace has no data).</summary>
    public static LogQueryResult Empty { get; } = new([], null);

    /// <summary>The first table ("PrimaryResult"), or an empty table when there is none.</summary>
    public LogTable PrimaryTable => Tables.Count > 0 ? Tables[0] : LogTable.Empty;
}

/// <summary>One result table: typed columns and rows.</summary>
public sealed record LogTable(string Name, IReadOnlyList<LogColumn> Columns, IReadOnlyList<LogRow> Rows)
{
    /// <summary>A table with no columns and no rows.</summary>
    public static LogTable Empty { get; } = new("PrimaryResult", [], []);

    /// <summary>Ordinal of a column (case-sensitive, as KQL is), or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A column: name and KQL type (<c>string</c>, <c>long</c>, <c>datetime</c>, <c>dynamic</c>, ...).</summary>
public sealed record LogColumn(string Name, string Type);
