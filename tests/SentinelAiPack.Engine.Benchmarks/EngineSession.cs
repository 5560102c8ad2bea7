using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>Compiles the benchmark queries once (the analyzer runs only here) and holds the data.</summary>
public sealed class EngineSession : IDisposable
{
    private readonly KqlHostPool _pool = new(new KqlHostPoolOptions { MaxEngines = 1 });

    public QueryPlan Compile(string query, params (string Name, RowSchema Schema)[] tables)
    {
        var engine = new KqlEngine(new PoolTreeSource(_pool));
        var result = engine.CompileAsync(query, null, ToSchemas(tables)).GetAwaiter().GetResult();
        return result.Plan ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    private static Content.Schemas.TableSchema[] ToSchemas((string Name, RowSchema Schema)[] tables) =>
        tables.Select(t => new Content.Schemas.TableSchema(t.Name,
            t.Schema.Columns.Select(c => new ColumnSchema(c.Name, c.Kind.Name())).ToArray())).ToArray();

    /// <summary>The repository's table schemas and parsers (found by walking up to aipack.yaml).</summary>
    public SchemaSet PackSchemas { get; } = LoadPackSchemas();

    /// <summary>Milliseconds to export the bound tree and to compile it, and the tree's JSON size.</summary>
    public (double Export, double Compile, int Bytes) MeasureCompile(string query, SchemaSet? schemas, params (string Name, RowSchema Schema)[] tables)
    {
        var source = new PoolTreeSource(_pool);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tree = source.ExportAsync(query, schemas, ToSchemas(tables), default).GetAwaiter().GetResult();
        var export = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var result = KqlEngine.Compile(tree);
        var compile = watch.Elapsed.TotalMilliseconds;
        if (!result.Success)
        {
            throw new InvalidOperationException(result.Diagnostics[0].Message);
        }
        Console.WriteLine($"    (analyzer {tree.Timings?.AnalyzeMilliseconds} ms, tree walk {tree.Timings?.ExportMilliseconds} ms)");
        return (export, compile, tree.JsonLength);
    }

    private static SchemaSet LoadPackSchemas()
    {
        var content = Content.Loading.ContentLoader.Load([RepositoryPaths.Parsers]);
        var builder = new SchemaSetBuilder().AddFolder(RepositoryPaths.Schemas);
        builder.AddParsers(content.Parsers);
        return builder.Build().Schemas;
    }

    public void Dispose() => _pool.Dispose();
}
