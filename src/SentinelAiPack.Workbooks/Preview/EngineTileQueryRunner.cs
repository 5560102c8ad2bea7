using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// Runs tile queries with the local KQL engine over <see cref="PreviewData"/>: the same schemas and parsers as
/// validation, tables the data lacks are empty, watchlists from the data folder, and <c>now()</c> is the end of the data's window.
/// </summary>
public sealed class EngineTileQueryRunner(KqlEngine engine, SchemaSet schemas, PreviewData data) : ITileQueryRunner
{
    private readonly IReadOnlyDictionary<string, RowSchema> _emptyTables = SchemaConversion.EmptyTables(schemas);

    public async Task<TileData> RunAsync(string query, CancellationToken cancellationToken)
    {
        var compiled = await engine.CompileAsync(query, schemas, data.UnknownTables, filePath: "tile", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!compiled.Success)
        {
            throw new TileQueryException(string.Join("; ", compiled.Diagnostics.Select(d =>
                (d.Span.IsKnown ? $"line {d.Span.Line}, column {d.Span.Column}: " : string.Empty) + $"{d.Code}: {d.Message}")));
        }
        Table result;
        try
        {
            result = compiled.Plan!.Run(new EvaluationContext
            {
                Now = data.End,
                Tables = data.Tables,
                Watchlists = data.Watchlists,
                EmptyTableSchemas = _emptyTables,
                Cancellation = cancellationToken,
            });
        }
        catch (EngineRuntimeException e)
        {
            throw new TileQueryException($"{EngineCodes.RuntimeFailed.Code}: {e.Message}");
        }
#pragma warning disable CA1031 // An engine defect in one tile must not take the whole page down: the tile shows it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            throw new TileQueryException($"internal error of the local engine ({e.GetType().Name}: {e.Message})");
        }
        return ToTileData(result);
    }

    /// <summary>Engine values as the page reads them: dynamic strings unwrapped, other dynamic values as JSON text.</summary>
    public static TileData ToTileData(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Schema.Columns.Select(c => new ResultColumn(c.Name, c.Kind.Name())).ToList();
        var dynamic = table.Schema.Columns.Select(c => c.Kind == ScalarKind.Dynamic).ToArray();
        var rows = new List<IReadOnlyList<object?>>(table.RowCount);
        foreach (var row in table.Rows())
        {
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = row[i] switch
                {
                    null => null,
                    Guid g => g.ToString(),
                    var v when dynamic[i] && v is not string => Dyn.ToJson(v),
                    var v => v,
                };
            }
            rows.Add(row);
        }
        return new TileData(columns, rows);
    }
}
