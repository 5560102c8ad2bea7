using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// The analyzer every command shares within one run. Analysis results and the local engine's exported trees are
/// cached on disk (keyed by query, schemas and analyzer version), and engines start lazily, only for the first query
/// the cache cannot answer: an unchanged re-run starts no V8. Set AIPACK_NO_CACHE=1 to bypass both caches. Each cache
/// folder is pruned to its size bound (AIPACK_CACHE_MAX_MB, else the cache's default) when the run ends.
/// </summary>
public static class KqlServices
{
    public const string NoCacheVariable = "AIPACK_NO_CACHE";

    public static bool CacheDisabled => Environment.GetEnvironmentVariable(NoCacheVariable) == "1";

    public static IKqlAnalyzer Analyzer(CliContext context) =>
        context.Services.GetOrCreate<IKqlAnalyzer>(() =>
        {
            var analyzer = new KqlAnalyzer(Pool(context));
            if (CacheDisabled)
            {
                return analyzer;
            }
            var cache = KqlResultCache.ForBundle(KustoBundle.Default);
            PruneAtEnd(context, cache.FileStore, KqlResultCache.DefaultMaxBytes);
            return new CachedKqlAnalyzer(analyzer, cache);
        });

    /// <summary>
    /// The local engine's source of bound trees: the on-disk tree cache in front of the analyzer's pool (an injected
    /// <see cref="KqlAnalyzer"/>'s own pool, so a run starts its engines once).
    /// </summary>
    public static PoolTreeSource TreeSource(CliContext context) =>
        context.Services.GetOrCreate(() =>
        {
            var pool = Analyzer(context) is KqlAnalyzer analyzer ? analyzer.Pool : Pool(context);
            if (CacheDisabled)
            {
                return new PoolTreeSource(pool);
            }
            var cache = TreeCache.ForBundle(pool.Options.Bundle);
            PruneAtEnd(context, cache.Store, TreeCache.DefaultMaxBytes);
            return new PoolTreeSource(pool, cache);
        });

    private static void PruneAtEnd(CliContext context, HashedFileStore store, long defaultMaxBytes)
    {
        long? configured;
        try
        {
            configured = CacheSizeLimit.FromEnvironment();
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        context.Services.GetOrCreate(() => new CachePruning()).Add(store, configured ?? defaultMaxBytes);
    }

    public static KqlHostPool Pool(CliContext context) =>
        context.Services.GetOrCreate(() => new KqlHostPool(PoolOptions()));

    // Measurement knobs (docs/performance.md): AIPACK_KQL_ENGINES, AIPACK_KQL_RECYCLE (queries per engine, 0 = never),
    // AIPACK_KQL_HEAP_MB (recycle above this JavaScript heap, 0 = never).
    private static KqlHostPoolOptions PoolOptions()
    {
        var options = new KqlHostPoolOptions();
        if (int.TryParse(Environment.GetEnvironmentVariable("AIPACK_KQL_ENGINES"), out var engines) && engines > 0)
        {
            options = options with { MaxEngines = engines };
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("AIPACK_KQL_RECYCLE"), out var recycle) && recycle >= 0)
        {
            options = options with { RecycleAfterRequests = recycle == 0 ? null : recycle };
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("AIPACK_KQL_HEAP_MB"), out var heap) && heap >= 0)
        {
            options = options with { RecycleAboveHeapBytes = heap == 0 ? null : heap * 1024L * 1024 };
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("AIPACK_KQL_GC_MB"), out var gc) && gc >= 0)
        {
            options = options with { CollectAboveHeapBytes = gc == 0 ? null : gc * 1024L * 1024 };
        }
        return options;
    }
}
