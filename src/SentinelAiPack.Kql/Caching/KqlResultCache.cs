using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>
/// Analysis results on disk, one small JSON file per result, named by the SHA-256 of everything that decides the
/// result: query text, mode and options, declared parameters, the schema set's fingerprint and the hash of the
/// analyzer code (bundle + shim). Files are written to a temp name and renamed, so concurrent runs never see a torn
/// file; unreadable files count as misses and are rewritten.
/// </summary>
public sealed class KqlResultCache
{
    private const string FormatVersion = "kql-result-v1";

    /// <param name="directory">Where results are kept.</param>
    /// <param name="analyzerVersion">Identifies the analyzer code; results of other code are never returned.</param>
    public KqlResultCache(string directory, string analyzerVersion)
    {
        Directory = directory;
        AnalyzerVersion = analyzerVersion;
    }

    public string Directory { get; }

    public string AnalyzerVersion { get; }

    /// <summary>The cache for <paramref name="bundle"/> under <paramref name="cacheRoot"/> (default <see cref="AipackCacheDirectory.Resolve"/>).</summary>
    public static KqlResultCache ForBundle(KustoBundle bundle, string? cacheRoot = null) =>
        new(Path.Combine(cacheRoot ?? AipackCacheDirectory.Resolve(), "kql-results"), bundle.ContentHash);

    public string KeyOf(KqlRequest request, string schemaFingerprint)
    {
        var query = request.Text ?? "";
        var text = new StringBuilder(query.Length + 256)
            .Append(FormatVersion).Append('\n')
            .Append(AnalyzerVersion).Append('\n')
            .Append(schemaFingerprint).Append('\n')
            .Append(request.Mode).Append('|').Append(request.WantOutput).Append('|')
            .Append(request.WantReferences).Append('|').Append(request.WantBestPractices).Append('\n');
        foreach (var p in request.Parameters ?? [])
        {
            text.Append("p|").Append(p.Name).Append('|').Append(p.Type).Append('|').Append(p.DefaultValue is null ? "\u0001" : p.DefaultValue).Append('\n');
        }
        text.Append(query);
        // Lone surrogates cannot be encoded as UTF-8; hash the UTF-16 code units so every text has its own key.
        return Convert.ToHexStringLower(SHA256.HashData(MemoryMarshalBytes(text.ToString())));
    }

    public KqlAnalysis? TryGet(string key, string id)
    {
        var bytes = AtomicFile.TryRead(PathOf(key));
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
        AtomicFile.TryWrite(PathOf(key), JsonSerializer.SerializeToUtf8Bytes(analysis with { Id = "" }, ShimJson.Default.KqlAnalysis));

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private static byte[] MemoryMarshalBytes(string text) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()).ToArray();
}
