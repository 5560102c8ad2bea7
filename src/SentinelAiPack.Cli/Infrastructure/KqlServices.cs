using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// The analyzer every command shares within one run. Results are cached on disk (keyed by query, schemas and analyzer
/// version), and engines start lazily, only for the first query the cache cannot answer: an unchanged re-run starts no V8.
/// Set AIPACK_NO_CACHE=1 to bypass the result cache.
/// </summary>
public static class KqlServices
{
    public static IKqlAnalyzer Analyzer(CliContext context) =>
        context.Services.GetOrCreate<IKqlAnalyzer>(() =>
        {
            var analyzer = new KqlAnalyzer(Pool(context));
            return Environment.GetEnvironmentVariable("AIPACK_NO_CACHE") == "1"
                ? analyzer
                : new CachedKqlAnalyzer(analyzer, KqlResultCache.ForBundle(KustoBundle.Default));
        });

    public static KqlHostPool Pool(CliContext context) =>
        context.Services.GetOrCreate(() => new KqlHostPool(new KqlHostPoolOptions()));
}
