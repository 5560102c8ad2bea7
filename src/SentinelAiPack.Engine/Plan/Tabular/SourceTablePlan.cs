using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>
/// A table read by name. The data the caller gives is conformed to the schema the query was analyzed with:
/// columns are matched by name and converted to the declared kinds; declared columns without data are null.
/// </summary>
internal sealed class SourceTablePlan(string name, RowSchema declared) : TabularPlan(declared)
{
    public string Name { get; } = name;

    public override Table Execute(RunState run)
    {
        var context = run.Context;
        if (!context.Tables.TryGetValue(Name, out var data))
        {
            if (context.EmptyTableSchemas.TryGetValue(Name, out var emptySchema))
            {
                return Schema.Count > 0 ? Table.Empty(Schema) : Table.Empty(emptySchema);
            }
            throw new EngineRuntimeException($"no data was given for table '{Name}'");
        }
        return Schema.Count == 0 ? data : TableConform.To(data, Schema);
    }
}

/// <summary><c>_GetWatchlist(alias)</c>: the watchlist's rows from the evaluation context.</summary>
internal sealed class WatchlistPlan(Scalars.ScalarExpr alias, RowSchema declared) : TabularPlan(declared)
{
    public override Table Execute(RunState run)
    {
        var name = Values.ToKustoString(alias.ValueFor(run));
        if (!run.Context.Watchlists.TryGetValue(name, out var data))
        {
            return Table.Empty(Schema);
        }
        // Watchlists are open: keep their own columns after the documented ones.
        var extra = data.Schema.Columns.Where(c => !Schema.Contains(c.Name));
        var schema = new RowSchema(Schema.Columns.Concat(extra));
        return TableConform.To(data, schema);
    }
}

internal static class TableConform
{
    /// <summary>Selects, orders and converts <paramref name="data"/>'s columns to <paramref name="schema"/>.</summary>
    public static Table To(Table data, RowSchema schema)
    {
        if (SameSchema(data.Schema, schema))
        {
            return data;
        }
        var sources = new Func<Column>[schema.Count];
        for (var i = 0; i < schema.Count; i++)
        {
            var target = schema[i];
            var index = data.Schema.IndexOf(target.Name);
            if (index < 0)
            {
                var rows = data.RowCount;
                sources[i] = () => ColumnFactory.Nulls(target.Kind, rows);
            }
            else
            {
                var source = data.ColumnSource(index);
                sources[i] = () => ColumnFactory.Convert(source(), target.Kind);
            }
        }
        return new Table(schema, data.RowCount, sources);
    }

    private static bool SameSchema(RowSchema a, RowSchema b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Renames and converts a plan's columns to the analyzer's view of the result (same column count).</summary>
internal sealed class ConformPlan(TabularPlan inner, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = inner.Execute(run);
        var sources = new Func<Column>[Schema.Count];
        for (var i = 0; i < Schema.Count; i++)
        {
            var source = table.ColumnSource(i);
            var kind = Schema[i].Kind;
            sources[i] = () => ColumnFactory.Convert(source(), kind);
        }
        return new Table(Schema, table.RowCount, sources);
    }
}
