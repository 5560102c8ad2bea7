using System.Text;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Engine.Tree;

/// <summary>
/// Exported trees on disk, keyed by the exact exportTree request (query text, the schema set's fingerprint, which
/// covers its tables and its functions with their bodies, ad-hoc tables, grammarSkip) and the analyzer code's hash.
/// An unchanged re-run of <c>aipack test</c> compiles from these files and starts no script engine. Thread-safe.
/// </summary>
public sealed class TreeCache(HashedFileStore store)
{
    private const string FormatVersion = "kql-tree-v1";

    /// <summary>How large the trees folder may grow (unless <see cref="CacheSizeLimit"/> says otherwise): about nine times this pack's trees.</summary>
    public const long DefaultMaxBytes = 256 * CacheSizeLimit.Megabyte;
    private int _hits;
    private int _misses;

    /// <param name="directory">Where trees are kept.</param>
    /// <param name="analyzerVersion">Identifies the analyzer code (bundle + shim); trees of other code are never returned.</param>
    public TreeCache(string directory, string analyzerVersion)
        : this(new HashedFileStore(directory, analyzerVersion))
    {
    }

    public HashedFileStore Store { get; } = store;

    public int Hits => Volatile.Read(ref _hits);

    public int Misses => Volatile.Read(ref _misses);

    /// <summary>The cache for <paramref name="bundle"/> under <paramref name="cacheRoot"/> (default <see cref="AipackCacheDirectory.Resolve"/>).</summary>
    public static TreeCache ForBundle(KustoBundle bundle, string? cacheRoot = null) =>
        new(Path.Combine(cacheRoot ?? AipackCacheDirectory.Resolve(), "kql-trees"), bundle.ContentHash);

    /// <summary>The key of an exportTree request (<see cref="TreeJson.Request"/>).</summary>
    public string KeyOf(string exportRequest) => Store.KeyOf(FormatVersion, exportRequest);

    /// <summary>The cached tree of <paramref name="text"/>, or null (counted as a miss) when there is none or it is damaged.</summary>
    public ExportedTree? TryGet(string key, string text)
    {
        var tree = Store.TryRead(key) is { } bytes ? TreeJson.TryParseTree(bytes, text) : null;
        if (tree is null)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }
        Interlocked.Increment(ref _hits);
        tree.FromCache = true;
        return tree;
    }

    public void Put(string key, string treeJson) => Store.TryWrite(key, Encoding.UTF8.GetBytes(treeJson));
}
