using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>One input of a union and the name withsource= reports for it.</summary>
internal sealed record UnionInput(TabularPlan Plan, string SourceName);

/// <summary>
/// union: rows of every input, columns matched by name into the output schema (the analyzer's: outer keeps all
/// columns, inner only common ones; a name used with two types becomes name_type). Missing columns are null.
/// With isfuzzy=true, inputs without data are skipped.
/// </summary>
internal sealed class UnionPlan(IReadOnlyList<UnionInput> inputs, RowSchema schema, int sourceColumn, bool fuzzy) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var tables = new List<(Table Table, string Source)>();
        foreach (var input in inputs)
        {
            try
            {
                tables.Add((input.Plan.Execute(run), input.SourceName));
            }
            catch (EngineRuntimeException) when (fuzzy)
            {
                // isfuzzy=true: an input that cannot be resolved is left out.
            }
        }
        var total = tables.Sum(t => (long)t.Table.RowCount);
        run.CheckRows(total);
        var columns = new Column[Schema.Count];
        for (var c = 0; c < Schema.Count; c++)
        {
            var target = Schema[c];
            var parts = tables.Select(t => c == sourceColumn
                ? ColumnFactory.Constant(ScalarKind.String, t.Source, t.Table.RowCount)
                : Pick(t.Table, target)).ToArray();
            columns[c] = parts.Length == 0 ? ColumnFactory.Empty(target.Kind) : ColumnConcat.Concat(target.Kind, parts);
        }
        return new Table(Schema, columns);
    }

    private static Column Pick(Table table, ColumnInfo target)
    {
        var index = table.Schema.IndexOf(target.Name);
        if (index >= 0)
        {
            return ColumnFactory.Convert(table.Column(index), target.Kind);
        }
        // A name the union had to split by type: Col_string, Col_long, ...
        var cut = target.Name.LastIndexOf('_');
        if (cut > 0)
        {
            var baseIndex = table.Schema.IndexOf(target.Name[..cut]);
            if (baseIndex >= 0 && table.Schema[baseIndex].Kind.Name() == target.Name[(cut + 1)..])
            {
                return table.Column(baseIndex);
            }
        }
        return ColumnFactory.Nulls(target.Kind, table.RowCount);
    }
}
