using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Tree;

/// <summary>
/// Exports trees on the shared analyzer pool: the schema set (tables and workspace functions with bodies) is
/// registered once per engine and referenced by its fingerprint. With a <see cref="TreeCache"/>, trees an earlier run
/// exported for the same request are read from disk and the pool (which starts engines lazily) is not asked at all.
/// </summary>
public sealed class PoolTreeSource(KqlHostPool pool, TreeCache? cache = null) : IKqlTreeSource
{
    public TreeCache? Cache => cache;

    public async Task<ExportedTree> ExportAsync(string text, SchemaSet? schemas, IReadOnlyList<TableSchema>? extraTables, CancellationToken cancellationToken)
    {
        var request = TreeJson.Request(text, schemas?.Fingerprint, extraTables);
        var key = cache?.KeyOf(request);
        if (key is not null && cache!.TryGet(key, text) is { } cached)
        {
            return cached;
        }
        var treeJson = TreeJson.Unwrap(await pool.CallAsync("exportTree", request, schemas, cancellationToken).ConfigureAwait(false));
        var tree = TreeJson.ParseTree(treeJson, text);
        // Only trees that parsed are kept: a failed export (too deep, engine trouble) is tried again next time.
        if (key is not null)
        {
            cache!.Put(key, treeJson);
        }
        return tree;
    }
}
