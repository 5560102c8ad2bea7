using SentinelAiPack.Kql;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>The analyzer every command shares within one run (engines start lazily, on the first query the cache cannot answer).</summary>
public static class KqlServices
{
    public static IKqlAnalyzer Analyzer(CliContext context) =>
        context.Services.GetOrCreate<IKqlAnalyzer>(() => new KqlAnalyzer(Pool(context)));

    public static KqlHostPool Pool(CliContext context) =>
        context.Services.GetOrCreate(() => new KqlHostPool(new KqlHostPoolOptions()));
}
