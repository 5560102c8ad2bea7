using System.Text;
using System.Text.Json;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Testing;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Engine.Tests.Tree;

/// <summary>The on-disk cache of exported trees behind <see cref="PoolTreeSource"/>.</summary>
public class TreeCacheTests
{
    private static readonly string Rules = Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "rules");
    private static readonly string[] Queries =
    [
        "Events | where Action == 'login' | summarize n = count() by User",
        "Events | extend Hour = bin(TimeGenerated, 1h) | project Hour, User",
        "Events | where Nope == 1",
    ];

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "aipack-tree-cache-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private TreeCache NewCache(string? analyzerVersion = null) => new(_directory, analyzerVersion ?? KustoBundle.Default.ContentHash);

    private static SchemaSet EventsSchema(params (string Name, string Type)[] extraColumns)
    {
        ColumnSchema[] columns = [new("TimeGenerated", "datetime"), new("User", "string"), new("Action", "string"), .. extraColumns.Select(c => new ColumnSchema(c.Name, c.Type))];
        return new SchemaSetBuilder().AddTable(new TableSchema("Events", columns)).Build().Schemas;
    }

    /// <summary>A pool that has started no engine yet and starts one only if a tree is not cached.</summary>
    private static KqlHostPool ColdPool() => new(new KqlHostPoolOptions { MaxEngines = 1 });

    private static async Task<ExportedTree[]> ExportAll(IKqlTreeSource source, SchemaSet schemas, IEnumerable<string> queries)
    {
        var trees = new List<ExportedTree>();
        foreach (var query in queries)
        {
            trees.Add(await source.ExportAsync(query, schemas, null, CancellationToken.None));
        }
        return [.. trees];
    }

    // Absent type/value elements are default JsonElements, which the serializer can only skip.
    private static readonly JsonSerializerOptions Compact = new() { MaxDepth = 4096, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    private static string Comparable(ExportedTree tree) =>
        JsonSerializer.Serialize(new { tree.Diagnostics, tree.SyntaxErrorCount, tree.Schemas, tree.Root, tree.Text, tree.HasErrors }, Compact);

    private static string Comparable(RuleTestReport report) => string.Join("\n", report.Items.Select(i =>
        $"{i.ItemPath}|{i.Status}|{i.SkipReason}|{string.Join(";", i.Diagnostics.Select(d => d.Code + d.Message))}|"
        + string.Join(";", i.Cases.Select(c => $"{c.Name}:{c.Status}:{c.Message}:{c.OutputRows}"))));

    [Test]
    public async Task Unchanged_rerun_of_rule_tests_reads_every_tree_from_disk_and_starts_no_engine()
    {
        var content = ContentLoader.Load([Rules]);
        var uncached = await new RuleTestRunner(EngineHarness.Engine, PackContent.Schemas).RunAsync(content);

        var filling = new PoolTreeSource(EngineHarness.Pool, NewCache());
        var first = await new RuleTestRunner(new KqlEngine(filling), PackContent.Schemas).RunAsync(content);

        using var cold = ColdPool();
        var rerun = new PoolTreeSource(cold, NewCache());
        var runner = new RuleTestRunner(new KqlEngine(rerun), PackContent.Schemas);
        var second = await runner.RunAsync(content);

        Assert.Multiple(() =>
        {
            Assert.That(filling.Cache!.Misses, Is.EqualTo(3), "the first run exports all three rules");
            Assert.That(rerun.Cache!.Hits, Is.EqualTo(3));
            Assert.That(rerun.Cache.Misses, Is.Zero);
            Assert.That(runner.Timings.ExportsFromCache, Is.EqualTo(3));
            Assert.That(cold.EnginesCreated, Is.Zero, "no script engine is started for cached trees");
            Assert.That(second.Items.Select(i => i.Status), Is.EqualTo(new[] { TestStatus.Failed, TestStatus.Skipped, TestStatus.Passed }));
            Assert.That(Comparable(first), Is.EqualTo(Comparable(uncached)));
            Assert.That(Comparable(second), Is.EqualTo(Comparable(uncached)));
        });
    }

    [Test]
    public async Task Cached_trees_equal_freshly_exported_ones()
    {
        var schemas = EventsSchema();
        var fresh = await ExportAll(EngineHarness.Trees, schemas, Queries);
        var filled = await ExportAll(new PoolTreeSource(EngineHarness.Pool, NewCache()), schemas, Queries);

        using var cold = ColdPool();
        var cached = await ExportAll(new PoolTreeSource(cold, NewCache()), schemas, Queries);

        Assert.That(cached, Has.All.Matches<ExportedTree>(t => t.FromCache));
        Assert.That(fresh, Has.None.Matches<ExportedTree>(t => t.FromCache));
        Assert.That(cached.Select(Comparable), Is.EqualTo(fresh.Select(Comparable)));
        // The stored JSON is the filling export's own (its timings differ from another export's).
        Assert.That(cached.Select(t => t.JsonLength), Is.EqualTo(filled.Select(t => t.JsonLength)));
        Assert.That(cold.EnginesCreated, Is.Zero);
    }

    [Test]
    public async Task Changed_query_schemas_or_analyzer_code_miss()
    {
        var schemas = EventsSchema();
        var query = Queries[0];
        await ExportAll(new PoolTreeSource(EngineHarness.Pool, NewCache()), schemas, [query]);

        var changedQuery = new PoolTreeSource(EngineHarness.Pool, NewCache());
        var tree = (await ExportAll(changedQuery, schemas, [query + " | take 5"]))[0];
        var changedSchema = new PoolTreeSource(EngineHarness.Pool, NewCache());
        var withColumn = (await ExportAll(changedSchema, EventsSchema(("Bytes", "long")), [query]))[0];
        var changedCode = new PoolTreeSource(EngineHarness.Pool, NewCache("another analyzer build"));
        await ExportAll(changedCode, schemas, [query]);
        var unchanged = new PoolTreeSource(EngineHarness.Pool, NewCache());
        await ExportAll(unchanged, schemas, [query]);

        Assert.Multiple(() =>
        {
            Assert.That((changedQuery.Cache!.Hits, changedQuery.Cache.Misses), Is.EqualTo((0, 1)));
            Assert.That(tree.FromCache, Is.False);
            Assert.That((changedSchema.Cache!.Hits, changedSchema.Cache.Misses), Is.EqualTo((0, 1)));
            Assert.That(withColumn.FromCache, Is.False);
            Assert.That((changedCode.Cache!.Hits, changedCode.Cache.Misses), Is.EqualTo((0, 1)));
            Assert.That((unchanged.Cache!.Hits, unchanged.Cache.Misses), Is.EqualTo((1, 0)), "the control: the same request hits");
        });
    }

    [Test]
    public void Keys_cover_the_query_the_schema_set_and_its_functions_ad_hoc_tables_grammar_and_analyzer_code()
    {
        var cache = NewCache("code-1");
        var schemas = EventsSchema();
        var withParser = new SchemaSetBuilder().AddTable(schemas.Tables.Single())
            .AddFunction(new FunctionSchema("Logins", []) { Body = "Events | where Action == 'login'" }).Build().Schemas;
        var changedParser = new SchemaSetBuilder().AddTable(schemas.Tables.Single())
            .AddFunction(new FunctionSchema("Logins", []) { Body = "Events | where Action == 'logon'" }).Build().Schemas;
        string Key(string text, SchemaSet? s, IReadOnlyList<TableSchema>? tables = null, bool grammarSkip = true, TreeCache? other = null) =>
            (other ?? cache).KeyOf(TreeJson.Request(text, s?.Fingerprint, tables, grammarSkip));
        var key = Key("Logins()", withParser);

        Assert.Multiple(() =>
        {
            Assert.That(Key("Logins()", withParser), Is.EqualTo(key));
            Assert.That(Key("Logins() ", withParser), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", changedParser), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", schemas), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", null), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", withParser, [new TableSchema("Extra", [new("A", "string")])]), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", withParser, grammarSkip: false), Is.Not.EqualTo(key));
            Assert.That(Key("Logins()", withParser, other: NewCache("code-2")), Is.Not.EqualTo(key));
        });
    }

    [Test]
    public async Task Damaged_or_truncated_entries_are_misses_and_get_rewritten()
    {
        var schemas = EventsSchema();
        await ExportAll(new PoolTreeSource(EngineHarness.Pool, NewCache()), schemas, Queries);
        var files = Directory.GetFiles(_directory, "*.json", SearchOption.AllDirectories).Order().ToArray();
        Assert.That(files, Has.Length.EqualTo(Queries.Length));
        var whole = File.ReadAllBytes(files[0]);
        File.WriteAllBytes(files[0], whole[..(whole.Length / 2)]);
        // Still valid JSON, but not what was stored: only the checksum tells.
        var text = File.ReadAllText(files[1]);
        File.WriteAllText(files[1], text.Replace("\"User\"", "\"Usex\""));
        File.WriteAllText(files[2], "{ not json");

        var again = new PoolTreeSource(EngineHarness.Pool, NewCache());
        var trees = await ExportAll(again, schemas, Queries);
        var afterwards = new PoolTreeSource(EngineHarness.Pool, NewCache());
        await ExportAll(afterwards, schemas, Queries);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\"User\""), "the edit above changed the entry");
            Assert.That((again.Cache!.Hits, again.Cache.Misses), Is.EqualTo((0, 3)));
            Assert.That(trees.Select(t => t.Root.Kind), Has.All.Not.Empty);
            Assert.That((afterwards.Cache!.Hits, afterwards.Cache.Misses), Is.EqualTo((3, 0)), "the damaged entries were rewritten");
        });
    }

    [Test]
    public void Store_round_trips_and_rejects_foreign_files()
    {
        var store = new HashedFileStore(_directory, "code-1");
        var key = store.KeyOf("format", "text");
        Assert.That(store.TryRead(key), Is.Null);
        Assert.That(store.TryWrite(key, Encoding.UTF8.GetBytes("{\"a\":1}")), Is.True);
        Assert.That(Encoding.UTF8.GetString(store.TryRead(key)!), Is.EqualTo("{\"a\":1}"));

        File.WriteAllText(store.PathOf(key), "{\"a\":1}");
        Assert.That(store.TryRead(key), Is.Null, "a file without the checksum line is not an entry");
        File.WriteAllText(store.PathOf(key), "");
        Assert.That(store.TryRead(key), Is.Null);
    }
}
