using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql.Tests;

/// <summary>One pool for the whole test run: engine start-up is the expensive part, analysis is cheap.</summary>
[SetUpFixture]
public sealed class SharedPool
{
    private static KqlHostPool? s_pool;

    public static KqlHostPool Pool => s_pool ?? throw new InvalidOperationException("The shared pool is not set up.");

    public static KqlAnalyzer Analyzer => new(Pool);

    [OneTimeSetUp]
    public void Start() => s_pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 2 });

    [OneTimeTearDown]
    public void Stop() => s_pool?.Dispose();

    public static async Task<KqlAnalysis> AnalyzeAsync(string text, SchemaSet? schemas = null, Func<KqlRequest, KqlRequest>? configure = null)
    {
        var request = new KqlRequest("q", text);
        var results = await Analyzer.AnalyzeAsync([configure is null ? request : configure(request)], schemas ?? TestSchemas.Create());
        return results[0];
    }
}
