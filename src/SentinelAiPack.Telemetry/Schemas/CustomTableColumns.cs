using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Telemetry.Schemas;

/// <summary>
/// Which columns of a custom (<c>*_CL</c>) table the application sends. Log Analytics adds the standard columns
/// itself at ingestion, so they appear in the table schema the analyzer sees but not in the table's ARM definition
/// nor in the data collection rule's stream.
/// </summary>
public static class CustomTableColumns
{
    private static readonly HashSet<string> AddedAtIngestion = new(StringComparer.OrdinalIgnoreCase)
    {
        "TenantId", "Type", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable", "_TimeReceived", "_ItemId",
    };

    public static bool IsCustomTable(TableSchema table) => table.Name.EndsWith("_CL", StringComparison.Ordinal);

    public static bool IsAddedAtIngestion(string columnName) => AddedAtIngestion.Contains(columnName);

    /// <summary>The columns the application writes, in schema order.</summary>
    public static IReadOnlyList<ColumnSchema> Sent(TableSchema table) => [.. table.Columns.Where(c => !IsAddedAtIngestion(c.Name))];
}
