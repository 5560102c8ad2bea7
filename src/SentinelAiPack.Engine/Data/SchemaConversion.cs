using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>Table schemas of the content model as engine row schemas.</summary>
public static class SchemaConversion
{
    public static RowSchema ToRowSchema(TableSchema table) =>
        new(table.Columns.Select(c => new ColumnInfo(c.Name, ScalarKinds.FromName(KustoType.Normalize(c.Type) ?? c.Type))));

    /// <summary>Every table of a schema set, by name, for <see cref="EvaluationContext.EmptyTableSchemas"/>.</summary>
    public static IReadOnlyDictionary<string, RowSchema> EmptyTables(SchemaSet schemas) =>
        schemas.Tables.ToDictionary(t => t.Name, ToRowSchema, StringComparer.Ordinal);
}
