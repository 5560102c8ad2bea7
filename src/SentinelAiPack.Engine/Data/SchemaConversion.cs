using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>Table schemas of the content model as engine row schemas.</summary>
public static class SchemaConversion
{
    public static RowSchema ToRowSchema(TableSchema table) =>
        new(table.Columns.Select(c => new ColumnInfo(c.Name, ScalarKinds.FromName(KustoType.Normalize(c.Type) ?? c.Type))));

    /// <summary>Log Analytics' standard column holding when a row was received: what ingestion_time() reads.</summary>
    public const string TimeReceivedColumn = "_TimeReceived";

    /// <summary>
    /// <paramref name="schemas"/> with the standard <c>_TimeReceived</c> column on every table that has TimeGenerated
    /// (every Log Analytics table has it; table schemas seldom list it), so sample rows may carry an arrival time and
    /// ingestion_time() can read it. Functions are kept as they are.
    /// </summary>
    public static SchemaSet WithTimeReceived(SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var result = new SchemaSet();
        foreach (var table in schemas.Tables)
        {
            var needs = table.Columns.Any(c => c.Name == "TimeGenerated") && !table.Columns.Any(c => c.Name == TimeReceivedColumn);
            result.AddOrReplace(needs ? table with { Columns = [.. table.Columns, new ColumnSchema(TimeReceivedColumn, "datetime")] } : table);
        }
        foreach (var function in schemas.Functions)
        {
            result.AddOrReplace(function);
        }
        return result;
    }

    /// <summary>Every table of a schema set, by name, for <see cref="EvaluationContext.EmptyTableSchemas"/>.</summary>
    public static IReadOnlyDictionary<string, RowSchema> EmptyTables(SchemaSet schemas) =>
        schemas.Tables.ToDictionary(t => t.Name, ToRowSchema, StringComparer.Ordinal);
}
