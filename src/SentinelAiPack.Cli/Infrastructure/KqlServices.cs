using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// The analyzer every command shares within one run. Analysis results and the local engine's exported trees are
/// cached on disk (keyed by query, schemas and analyzer version), and engines start lazily, only for the first query
/// the cache cannot answer: an unchanged re-run starts no V8. Set AIPACK_NO_CACHE=1 to bypass both caches.
/// </summary>
public static class KqlServices
{
    public const string NoCacheVariable = "AIPACK_NO_CACHE";

    public static bool CacheDisabled => Environment.GetEnvironmentVariable(NoCacheVariable) == "1";

    public static IKqlAnalyzer Analyzer(CliContext context) =>
        context.Services.GetOrCreate<IKqlAnalyzer>(() =>
        {
            var analyzer = new KqlAnalyzer(Pool(context));
            return CacheDisabled ? analyzer : new CachedKqlAnalyzer(analyzer, KqlResultCache.ForBundle(KustoBundle.Default));
        });

    /// <summary>The local engine's source of bound trees: the shared pool behind the on-disk tree cache.</summary>
    public static PoolTreeSource TreeSource(CliContext context) =>
        context.Services.GetOrCreate(() =>
        {
            var pool = Pool(context);
            return new PoolTreeSource(pool, CacheDisabled ? null : TreeCache.ForBundle(pool.Options.Bundle));
        });

    public static KqlHostPool Pool(CliContext context) =>
        context.Services.GetOrCreate(() => new KqlHostPool(new KqlHostPoolOptions()));
}
