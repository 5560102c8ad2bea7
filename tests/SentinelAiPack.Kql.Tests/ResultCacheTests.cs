using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql.Tests;

public class ResultCacheTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "aipack-kql-cache-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static readonly KqlRequest[] Requests =
    [
        new("a", "SigninLogs | where UserPrincipalName contains 'admin' | project IPAddress"),
        new("b", "AITurns() | where Risk > 3"),
        new("c", "SigninLogs | where Nope == 1"),
    ];

    [Test]
    public async Task Unchanged_rerun_is_answered_from_disk_without_starting_an_engine()
    {
        var schemas = TestSchemas.Create();
        var cache = new KqlResultCache(_directory, KustoBundle.Default.ContentHash);
        var first = await new CachedKqlAnalyzer(SharedPool.Analyzer, cache).AnalyzeAsync(Requests, schemas);

        var created = 0;
        using var coldPool = new KqlHostPool(new KqlHostPoolOptions
        {
            HostFactory = () =>
            {
                Interlocked.Increment(ref created);
                return KqlHostFactory.Create(KustoBundle.Default, null, null);
            },
        });
        var second = await new CachedKqlAnalyzer(new KqlAnalyzer(coldPool), cache).AnalyzeAsync(
            Requests.Select(r => r with { Id = "again-" + r.Id }).ToArray(), schemas);

        Assert.That(created, Is.Zero);
        Assert.That(first, Has.None.Matches<KqlAnalysis>(r => r.FromCache));
        Assert.That(second, Has.All.Matches<KqlAnalysis>(r => r.FromCache));
        Assert.That(second.Select(r => r.Id), Is.EqualTo(new[] { "again-a", "again-b", "again-c" }));
        for (var i = 0; i < Requests.Length; i++)
        {
            Assert.That(Comparable(second[i]), Is.EqualTo(Comparable(first[i])));
        }
    }

    [Test]
    public void Keys_change_with_text_options_schema_parameters_and_analyzer_code()
    {
        var cache = new KqlResultCache(_directory, "code-1");
        var request = new KqlRequest("x", "SigninLogs");
        var key = cache.KeyOf(request, "schema-1");

        Assert.That(cache.KeyOf(request with { Id = "other id" }, "schema-1"), Is.EqualTo(key));
        Assert.That(cache.KeyOf(request with { Text = "SigninLogs " }, "schema-1"), Is.Not.EqualTo(key));
        Assert.That(cache.KeyOf(request with { Mode = KqlAnalysisMode.ParseOnly }, "schema-1"), Is.Not.EqualTo(key));
        Assert.That(cache.KeyOf(request with { WantBestPractices = false }, "schema-1"), Is.Not.EqualTo(key));
        Assert.That(cache.KeyOf(request with { Parameters = [new("p", "string")] }, "schema-1"), Is.Not.EqualTo(key));
        Assert.That(cache.KeyOf(request, "schema-2"), Is.Not.EqualTo(key));
        Assert.That(new KqlResultCache(_directory, "code-2").KeyOf(request, "schema-1"), Is.Not.EqualTo(key));
        Assert.That(cache.KeyOf(request with { Text = "\ud800" }, "s"), Is.Not.EqualTo(cache.KeyOf(request with { Text = "\udc00" }, "s")));
    }

    [Test]
    public async Task Damaged_entries_are_misses_and_get_rewritten()
    {
        var schemas = TestSchemas.Create();
        var cache = new KqlResultCache(_directory, KustoBundle.Default.ContentHash);
        var analyzer = new CachedKqlAnalyzer(SharedPool.Analyzer, cache);
        await analyzer.AnalyzeAsync(Requests, schemas);
        var file = Directory.GetFiles(_directory, "*.json", SearchOption.AllDirectories).First();
        File.WriteAllText(file, "{ not json");

        var again = await analyzer.AnalyzeAsync(Requests, schemas);

        Assert.That(again.Count(r => !r.FromCache), Is.EqualTo(1));
        Assert.That(File.ReadAllText(file), Does.StartWith("aipack-cache sha256="), "the damaged entry was rewritten");
        Assert.That((await analyzer.AnalyzeAsync(Requests, schemas)).All(r => r.FromCache), Is.True);
    }

    [Test]
    public async Task Concurrent_writers_leave_only_complete_entries()
    {
        var schemas = TestSchemas.Create();
        var cache = new KqlResultCache(_directory, KustoBundle.Default.ContentHash);
        var fresh = await SharedPool.Analyzer.AnalyzeAsync(Requests, schemas);
        var keys = Requests.Select(r => cache.KeyOf(r, schemas.Fingerprint)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var round = 0; round < 50; round++)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    cache.Store(keys[i], fresh[i]);
                    Assert.That(cache.TryGet(keys[i], "id"), Is.Not.Null);
                }
            }
        })));

        Assert.That(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        Assert.That(keys.Select(k => cache.TryGet(k, "id")), Has.All.Not.Null);
    }

    private static string Comparable(KqlAnalysis analysis) => System.Text.Json.JsonSerializer.Serialize(analysis with { Id = "" });
}
