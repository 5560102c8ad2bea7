using System.Text;
using System.Text.Json;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>
/// Analysis results on disk (<see cref="HashedFileStore"/>), keyed by everything that decides a result: query text,
/// mode and options, declared parameters, the schema set's fingerprint and the hash of the analyzer code.
/// </summary>
public sealed class KqlResultCache
{
    private const string FormatVersion = "kql-result-v2";

    /// <summary>How large the results folder may grow (unless <see cref="CacheSizeLimit"/> says otherwise): thousands of queries' results.</summary>
    public const long DefaultMaxBytes = 64 * CacheSizeLimit.Megabyte;

    private readonly HashedFileStore _store;

    /// <param name="directory">Where results are kept.</param>
    /// <param name="analyzerVersion">Identifies the analyzer code; results of other code are never returned.</param>
    public KqlResultCache(string directory, string analyzerVersion) => _store = new HashedFileStore(directory, analyzerVersion);

    public HashedFileStore FileStore => _store;

    public string Directory => _store.Directory;

    public string AnalyzerVersion => _store.AnalyzerVersion;

    /// <summary>The cache for <paramref name="bundle"/> under <paramref name="cacheRoot"/> (default <see cref="AipackCacheDirectory.Resolve"/>).</summary>
    public static KqlResultCache ForBundle(KustoBundle bundle, string? cacheRoot = null) =>
        new(Path.Combine(cacheRoot ?? AipackCacheDirectory.Resolve(), "kql-results"), bundle.ContentHash);

    public string KeyOf(KqlRequest request, string schemaFingerprint)
    {
        var query = request.Text ?? "";
        var text = new StringBuilder(query.Length + 256)
            .Append(schemaFingerprint).Append('\n')
            .Append(request.Mode).Append('|').Append(request.WantOutput).Append('|')
            .Append(request.WantReferences).Append('|').Append(request.WantBestPractices).Append('\n');
        foreach (var p in request.Parameters ?? [])
        {
            text.Append("p|").Append(p.Name).Append('|').Append(p.Type).Append(p.IsOptional ? "?" : "").Append('|').Append(p.DefaultValue is null ? "\u0001" : p.DefaultValue).Append('\n');
        }
        text.Append(query);
        return _store.KeyOf(FormatVersion, text.ToString());
    }

    public KqlAnalysis? TryGet(string key, string id)
    {
        var bytes = _store.TryRead(key);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            var analysis = JsonSerializer.Deserialize(bytes, ShimJson.Default.KqlAnalysis);
            return analysis is null ? null : analysis with { Id = id, FromCache = true };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Store(string key, KqlAnalysis analysis) =>
        _store.TryWrite(key, JsonSerializer.SerializeToUtf8Bytes(analysis with { Id = "" }, ShimJson.Default.KqlAnalysis));
}
