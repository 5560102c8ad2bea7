using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.Patterns.Loading;
using SentinelAiPack.Patterns.Model;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Patterns.Tests;

/// <summary>The repository's pattern library, and the committed AITextAttackSignals parser run once over every example of every family.</summary>
[SetUpFixture]
public sealed class PatternLibraryFixture
{
    private static KqlHostPool? _pool;

    public static string PatternsFolder => Path.Combine(RepositoryPaths.Root, "patterns");

    public static PatternLibrary Library { get; } = PatternLibraryReader.Load(PatternsFolder);

    public static DateTime Now { get; } = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static KqlEngine Engine { get; private set; } = null!;

    public static SchemaSet Schemas { get; } = LoadSchemas();

    [OneTimeSetUp]
    public void Start()
    {
        _pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        Engine = new KqlEngine(new PoolTreeSource(_pool));
    }

    [OneTimeTearDown]
    public void Stop() => _pool?.Dispose();

    private static SchemaSet LoadSchemas()
    {
        var content = ContentLoader.Load([RepositoryPaths.Detections]);
        var builder = new SchemaSetBuilder().AddFolder(RepositoryPaths.Schemas);
        builder.AddParsers(content.Parsers);
        return builder.Build().Schemas;
    }

    /// <summary>Runs a query over the given source rows (table → rows of column → value) with the pack's schemas.</summary>
    public static Table Run(string query, IReadOnlyDictionary<string, List<Dictionary<string, object?>>> rows)
    {
        var compiled = Engine.CompileAsync(query, Schemas).GetAwaiter().GetResult();
        if (!compiled.Success)
        {
            Assert.Fail(string.Join("; ", compiled.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        }
        var empty = SchemaConversion.EmptyTables(Schemas);
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var (name, list) in rows)
        {
            var schema = empty[name];
            tables[name] = Table.FromRows(schema, [.. list.Select(row =>
            {
                var values = new object?[schema.Count];
                foreach (var (column, value) in row)
                {
                    var index = schema.IndexOf(column);
                    Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{name} has no column {column}");
                    values[index] = value;
                }
                return values;
            })]);
        }
        return compiled.Plan!.Run(new EvaluationContext { Now = Now, Tables = tables, EmptyTableSchemas = empty });
    }
}
