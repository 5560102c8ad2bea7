namespace SentinelAiPack.Kql.Tests;

/// <summary>
/// Each engine starts a fresh analyzer cache every 256 queries (the cache grew one engine's heap from 140 to 400 MB on
/// real content, docs/performance.md): a query analyzed after the refresh gets exactly the verdict it got before.
/// </summary>
public class AnalyzerCacheRefreshTests
{
    [Test]
    public async Task Verdicts_are_the_same_before_and_after_the_cache_is_renewed()
    {
        using var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var analyzer = new KqlAnalyzer(pool);
        const string query = "AITurns('x') | where Risk > 3 and Missing == 1 | project UserId, Risk";
        var requests = Enumerable.Range(0, 300).Select(i => new KqlRequest($"q{i}", query)).ToArray();

        var results = await analyzer.AnalyzeAsync(requests, TestSchemas.Create());

        string Verdict(KqlAnalysis a) => string.Join("; ", a.Diagnostics.Select(d => $"{d.Code}@{d.Start}")) + " | " +
                                         string.Join(", ", a.OutputColumns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.That(Verdict(results[0]), Does.Contain("KS142").And.Contain("Risk:"), "the function is expanded and the unknown column found");
        Assert.That(results.Select(Verdict).Distinct(), Has.Exactly(1).Items, "queries 257-300 run on a renewed cache");
    }
}
