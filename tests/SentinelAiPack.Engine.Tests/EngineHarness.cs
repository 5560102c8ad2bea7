using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Tests;

/// <summary>One analyzer host for the whole test run (starting V8 with the bundle takes about a second).</summary>
[SetUpFixture]
public sealed class EngineHarness
{
    private static KqlHostPool? _pool;

    /// <summary>The shared analyzer pool (one engine).</summary>
    public static KqlHostPool Pool => _pool!;

    public static KqlEngine Engine { get; private set; } = null!;

    /// <summary>The analyzer's tree export the shared <see cref="Engine"/> uses.</summary>
    public static IKqlTreeSource Trees { get; private set; } = null!;

    public static DateTime Now { get; } = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [OneTimeSetUp]
    public void Start()
    {
        _pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        Trees = new PoolTreeSource(_pool);
        Engine = new KqlEngine(Trees);
    }

    [OneTimeTearDown]
    public void Stop() => _pool?.Dispose();

    public static CompileResult Compile(string query, SchemaSet? schemas = null) =>
        Engine.CompileAsync(query, schemas).GetAwaiter().GetResult();

    /// <summary>Compiles and runs a query; fails the test with the diagnostics when it does not compile.</summary>
    public static Table Run(string query, IReadOnlyDictionary<string, Table>? tables = null, SchemaSet? schemas = null)
    {
        var result = Compile(query, schemas);
        if (!result.Success)
        {
            Assert.Fail(string.Join("; ", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        }
        return result.Plan!.Run(new EvaluationContext { Now = Now, Tables = tables ?? new Dictionary<string, Table>() });
    }

    /// <summary>The rows of a result as boxed values.</summary>
    public static List<object?[]> Rows(string query) => Run(query).Rows().ToList();

    /// <summary>The single value of a one-row, one-column result.</summary>
    public static object? Scalar(string query)
    {
        var table = Run(query);
        Assert.That(table.RowCount, Is.EqualTo(1), "expected one row");
        return table.GetValue(0, 0);
    }

    /// <summary>Each result row rendered as "v1|v2|..." with Kusto's text forms (nulls as "null").</summary>
    public static List<string> Lines(string query) =>
        Run(query).Rows().Select(r => string.Join("|", r.Select(v => v is null ? "null" : Values.ToKustoString(v)))).ToList();
}
