using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>The per-row table an mv-apply subquery reads.</summary>
internal sealed class SubqueryInputPlan(RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run) => run.Input(this);
}

/// <summary>
/// mv-apply: for each input row, the expanded elements form a small table (the row's other columns repeated) that the
/// subquery runs over; the results of all rows are concatenated. Output columns come from the subquery's result,
/// or from the input row for columns the subquery does not return.
/// </summary>
internal sealed class MvApplyPlan(TabularPlan input, MvExpansion expansion, string? indexName, SubqueryInputPlan subInput, TabularPlan subquery, RowSchema schema)
    : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var (rows, elements, indexes) = expansion.Expand(table, run);
        var builders = Schema.Columns.Select(c => ColumnBuilder.Create(c.Kind)).ToArray();
        var start = 0;
        while (start < rows.Count)
        {
            var row = rows[start];
            var end = start;
            while (end < rows.Count && rows[end] == row)
            {
                end++;
            }
            var sub = SubTable(table, row, start, end, elements, indexes);
            var result = subquery.Execute(run.Nested(subInput, sub));
            for (var c = 0; c < Schema.Count; c++)
            {
                var fromSub = result.Schema.IndexOf(Schema[c].Name);
                var fromInput = table.Schema.IndexOf(Schema[c].Name);
                for (var r = 0; r < result.RowCount; r++)
                {
                    builders[c].Add(fromSub >= 0 ? result.GetValue(r, fromSub) : fromInput >= 0 ? table.GetValue(row, fromInput) : null);
                }
            }
            run.CheckRows(builders[0].Count);
            start = end;
        }
        return new Table(Schema, builders.Select(b => b.Build()).ToArray());
    }

    private Table SubTable(Table table, int row, int start, int end, List<object?>[] elements, List<long> indexes)
    {
        var count = end - start;
        var rows = Enumerable.Repeat(row, count).ToArray();
        var columns = new List<Column>();
        foreach (var info in subInput.Schema.Columns)
        {
            var item = expansion.Items.Select((it, i) => (it, i)).FirstOrDefault(x => x.it.Name == info.Name);
            if (info.Name == indexName)
            {
                columns.Add(new Column<long>(ScalarKind.Long, indexes.GetRange(start, count).ToArray()));
            }
            else if (item.it is not null)
            {
                columns.Add(ColumnFactory.Convert(MvExpandPlan.Build(item.it.Kind, elements[item.i].GetRange(start, count)), info.Kind));
            }
            else
            {
                columns.Add(table.Column(table.Schema.IndexOf(info.Name)).Gather(rows));
            }
        }
        return new Table(subInput.Schema, columns);
    }
}
