using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Enrichment.Tests;

/// <summary>One analyzer pool for the whole run: the official analyzer for query validation and the local engine's trees.</summary>
[SetUpFixture]
public sealed class AnalyzerHost
{
    private static KqlHostPool? s_pool;

    public static KqlHostPool Pool => s_pool ?? throw new InvalidOperationException("the analyzer pool is not started");

    public static KqlAnalyzer Analyzer => new(Pool);

    public static KqlEngine Engine => new(new PoolTreeSource(Pool));

    [OneTimeSetUp]
    public void Start() => s_pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 2 });

    [OneTimeTearDown]
    public void Stop() => s_pool?.Dispose();
}
