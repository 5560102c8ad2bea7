using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>Compiles the benchmark queries once (the analyzer runs only here) and holds the data.</summary>
public sealed class EngineSession : IDisposable
{
    private readonly KqlHostPool _pool = new(new KqlHostPoolOptions { MaxEngines = 1 });

    public QueryPlan Compile(string query, params (string Name, RowSchema Schema)[] tables)
    {
        var schemas = tables.Select(t => new Content.Schemas.TableSchema(t.Name,
            t.Schema.Columns.Select(c => new ColumnSchema(c.Name, c.Kind.Name())).ToArray())).ToArray();
        var engine = new KqlEngine(new PoolTreeSource(_pool));
        var result = engine.CompileAsync(query, null, schemas).GetAwaiter().GetResult();
        return result.Plan ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    public void Dispose() => _pool.Dispose();
}
