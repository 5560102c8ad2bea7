using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Tree;

/// <summary>
/// Exports trees on the shared analyzer pool: the schema set (tables and workspace functions with bodies) is
/// registered once per engine and referenced by its fingerprint.
/// </summary>
public sealed class PoolTreeSource(KqlHostPool pool) : IKqlTreeSource
{
    public async Task<ExportedTree> ExportAsync(string text, SchemaSet? schemas, IReadOnlyList<TableSchema>? extraTables, CancellationToken cancellationToken)
    {
        var request = TreeJson.Request(text, schemas?.Fingerprint, extraTables);
        var json = await pool.CallAsync("exportTree", request, schemas, cancellationToken).ConfigureAwait(false);
        return TreeJson.Parse(json, text);
    }
}
