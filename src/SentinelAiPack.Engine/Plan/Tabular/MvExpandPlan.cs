using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>An expanded expression: its value, the kind of its elements (to typeof) and the column it replaces (-1: appended).</summary>
internal sealed record MvItem(string Name, ScalarExpr Value, ScalarKind Kind, int Replaces);

/// <summary>How mv-expand turns a row's values into element rows (shared by mv-apply).</summary>
internal sealed class MvExpansion(IReadOnlyList<MvItem> items, bool bagsAsArrays, long limit)
{
    public IReadOnlyList<MvItem> Items { get; } = items;

    /// <summary>
    /// For each output row: the input row, each item's element and the element index. Items expand in parallel (shorter
    /// ones padded with null); a null value gives one row, an empty array or bag none (learn.microsoft.com/kusto/query/mv-expand-operator).
    /// </summary>
    public (List<int> Rows, List<object?>[] Elements, List<long> Indexes) Expand(Table input, RunState run)
    {
        var values = Items.Select(i => Evaluation.Full(i.Value, input, run)).ToArray();
        var rows = new List<int>();
        var elements = Items.Select(_ => new List<object?>()).ToArray();
        var indexes = new List<long>();
        var perItem = new List<object?>[Items.Count];
        for (var row = 0; row < input.RowCount; row++)
        {
            var count = 0;
            for (var i = 0; i < Items.Count; i++)
            {
                perItem[i] = Elements(values[i].GetValue(row));
                count = Math.Max(count, perItem[i].Count);
            }
            count = (int)Math.Min(count, limit);
            for (var j = 0; j < count; j++)
            {
                rows.Add(row);
                indexes.Add(j);
                for (var i = 0; i < Items.Count; i++)
                {
                    elements[i].Add(j < perItem[i].Count ? Values.ConvertTo(perItem[i][j], Items[i].Kind) : null);
                }
            }
            if ((rows.Count & 0xFFFF) == 0)
            {
                run.CheckRows(rows.Count);
            }
        }
        run.CheckRows(rows.Count);
        return (rows, elements, indexes);
    }

    private List<object?> Elements(object? value) => value switch
    {
        null => [null],
        DynArray array => [.. array],
        DynBag bag => bag.Select(kv => bagsAsArrays
            ? (object?)new DynArray([kv.Key, kv.Value])
            : new DynBag([kv])).ToList(),
        _ => [value],
    };
}

/// <summary>mv-expand: one output row per element; other columns are repeated.</summary>
internal sealed class MvExpandPlan(TabularPlan input, MvExpansion expansion, bool withIndex, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var (rows, elements, indexes) = expansion.Expand(table, run);
        var gather = rows.ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < table.Schema.Count; c++)
        {
            var replaced = expansion.Items.Select((item, i) => (item, i)).FirstOrDefault(x => x.item.Replaces == c);
            columns.Add(replaced.item is not null ? Build(replaced.item.Kind, elements[replaced.i]) : table.Column(c).Gather(gather));
        }
        for (var i = 0; i < expansion.Items.Count; i++)
        {
            if (expansion.Items[i].Replaces < 0)
            {
                columns.Add(Build(expansion.Items[i].Kind, elements[i]));
            }
        }
        if (withIndex)
        {
            columns.Add(new Column<long>(ScalarKind.Long, indexes.ToArray()));
        }
        return new Table(Schema, columns.Select((c, i) => ColumnFactory.Convert(c, Schema[i].Kind)).ToArray());
    }

    public static Column Build(ScalarKind kind, List<object?> values)
    {
        var builder = ColumnBuilder.Create(kind, values.Count);
        foreach (var value in values)
        {
            builder.Add(value);
        }
        return builder.Build();
    }
}
