using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Engine.Tree;

/// <summary>Exports the analyzer's bound syntax tree of a query (the engine's only use of the analyzer).</summary>
public interface IKqlTreeSource
{
    /// <param name="text">The query.</param>
    /// <param name="schemas">Tables and functions the query is analyzed against (null: none).</param>
    /// <param name="extraTables">Ad-hoc tables added for this query only (e.g. data files the schema set does not know).</param>
    Task<ExportedTree> ExportAsync(string text, SchemaSet? schemas, IReadOnlyList<TableSchema>? extraTables, CancellationToken cancellationToken);
}
