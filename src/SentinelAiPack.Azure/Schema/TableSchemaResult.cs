using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Azure.Schema;

/// <summary>A table as the workspace knows it: missing, or present with its columns and KQL types.</summary>
public sealed record TableSchemaResult(string TableName, bool Exists, IReadOnlyList<LogColumn> Columns)
{
    /// <summary>The workspace has no such table (it was never created or never received data).</summary>
    public static TableSchemaResult Missing(string tableName) => new(tableName, false, []);
}
