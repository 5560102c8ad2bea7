using SentinelAiPack.Kql;

namespace SentinelAiPack.Build.Tests;

/// <summary>One analyzer pool for the whole run: engine start-up is the expensive part.</summary>
[SetUpFixture]
public sealed class SharedAnalyzer
{
    private static KqlHostPool? s_pool;

    public static KqlHostPool Pool => s_pool ?? throw new InvalidOperationException("The shared pool is not set up.");

    public static IKqlAnalyzer Analyzer => new KqlAnalyzer(Pool);

    [OneTimeSetUp]
    public void Start() => s_pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 2 });

    [OneTimeTearDown]
    public void Stop() => s_pool?.Dispose();
}
