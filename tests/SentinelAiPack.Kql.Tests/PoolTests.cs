using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql.Tests;

public class PoolTests
{
    [Test]
    public async Task A_large_batch_is_spread_over_several_engines()
    {
        var used = new System.Collections.Concurrent.ConcurrentDictionary<IKqlScriptHost, int>();
        using var pool = new KqlHostPool(new KqlHostPoolOptions
        {
            MaxEngines = 2,
            HostFactory = () => new CountingHost(KqlHostFactory.Create(KustoBundle.Default, null, null), used),
        });
        await pool.WarmUpAsync(2);
        var requests = Enumerable.Range(0, 200).Select(i => new KqlRequest("r" + i, $"SigninLogs | where IPAddress == '10.0.0.{i % 250}' | summarize count() by UserPrincipalName")).ToArray();

        var results = await new KqlAnalyzer(pool).AnalyzeAsync(requests, TestSchemas.Create());

        Assert.That(results, Has.All.Matches<KqlAnalysis>(r => r.Diagnostics.Count == 0));
        Assert.That(pool.EngineCount, Is.EqualTo(2));
        Assert.That(used.Where(u => u.Value > 0), Has.Exactly(2).Items, "both engines analyzed part of the batch");
    }

    [Test]
    public async Task Engines_are_created_lazily_and_small_batches_stay_on_one()
    {
        var created = 0;
        using var pool = new KqlHostPool(new KqlHostPoolOptions
        {
            MaxEngines = 2,
            HostFactory = () =>
            {
                Interlocked.Increment(ref created);
                return KqlHostFactory.Create(KustoBundle.Default, null, null);
            },
        });
        Assert.That(created, Is.Zero);

        await new KqlAnalyzer(pool).AnalyzeAsync([new KqlRequest("a", "SigninLogs | take 1")], TestSchemas.Create());

        Assert.That(created, Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_callers_share_the_pool_safely()
    {
        var analyzer = SharedPool.Analyzer;
        var schemas = TestSchemas.Create();

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            analyzer.AnalyzeAsync([new KqlRequest("c" + i, $"SigninLogs | extend N = {i} | project N")], schemas)));
        var results = await Task.WhenAll(calls);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.That(results[i][0].Id, Is.EqualTo("c" + i));
            Assert.That(results[i][0].OutputColumns.Single(), Is.EqualTo(new KqlColumn("N", "long")));
        }
    }

    [Test]
    public void Cancellation_stops_the_batch()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(async () => await SharedPool.Analyzer.AnalyzeAsync([new KqlRequest("a", "SigninLogs")], TestSchemas.Create(), cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void An_engine_that_cannot_start_fails_callers_instead_of_hanging()
    {
        using var pool = new KqlHostPool(new KqlHostPoolOptions { HostFactory = () => throw new KqlHostException("no engine here") });

        Assert.That(async () => await pool.CallAsync("ping", "{}", null), Throws.TypeOf<KqlHostException>().With.Message.EqualTo("no engine here"));
    }

    private sealed class CountingHost(IKqlScriptHost inner, System.Collections.Concurrent.ConcurrentDictionary<IKqlScriptHost, int> calls) : IKqlScriptHost
    {
        public KqlHostKind Kind => inner.Kind;

        public int Incarnation => inner.Incarnation;

        public string Call(string method, string requestJson, CancellationToken cancellationToken = default)
        {
            if (method == "analyze")
            {
                calls.AddOrUpdate(this, 1, (_, n) => n + 1);
            }
            return inner.Call(method, requestJson, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}
