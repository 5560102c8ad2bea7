using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.TestSupport.LogAnalytics;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// The query executor of the fake Log Analytics API backed by the local KQL engine: compiles the query text it receives
/// (prolog and body, against the pack's tables and parsers) and runs it over loaded tables. A query the analyzer or the
/// engine rejects answers the API's documented 400, as the service would. Counts compiles and runs for the benchmark.
/// </summary>
public sealed class EngineExecutor(KqlEngine engine, SchemaSet schemas, IReadOnlyDictionary<string, Table> tables, DateTime now)
{
    private readonly IReadOnlyDictionary<string, RowSchema> _empty = SchemaConversion.EmptyTables(schemas);
    private int _runs;

    /// <summary>Queries run so far.</summary>
    public int Runs => _runs;

    /// <summary>Every query text received, for assertions on what reached the API.</summary>
    public ConcurrentQueue<string> Texts { get; } = new();

    /// <summary>The executor to pass to <see cref="FakeLogAnalytics"/>.</summary>
    public QueryResult Execute(string query, string? timespan)
    {
        Texts.Enqueue(query);
        var compiled = engine.CompileAsync(query, schemas).GetAwaiter().GetResult();
        if (!compiled.Success)
        {
            throw new FakeQueryException(compiled.HasQueryErrors ? "SemanticError" : "EvaluationError", string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        }

        Table output;
        try
        {
            output = compiled.Plan!.Run(new EvaluationContext { Now = now, Tables = tables, EmptyTableSchemas = _empty });
        }
        catch (EngineRuntimeException ex)
        {
            throw new FakeQueryException("EvaluationError", ex.Message);
        }

        Interlocked.Increment(ref _runs);
        var columns = output.Schema.Columns.Select(c => (c.Name, c.Kind.Name())).ToList();
        return QueryResult.Single(columns, output.Rows().Select(row => row.Select(Wire).ToArray()));
    }

    // The API's JSON: dynamic values as JSON text, decimals as numbers, the rest as QueryResult writes them.
    private static object? Wire(object? value) => value switch
    {
        DynArray or DynBag => JsonNode.Parse(Json(value)),
        decimal d => (double)d,
        _ => value,
    };

    private static string Json(object? value)
    {
        var builder = new StringBuilder();
        Dyn.WriteJson(builder, value);
        return builder.ToString();
    }
}
