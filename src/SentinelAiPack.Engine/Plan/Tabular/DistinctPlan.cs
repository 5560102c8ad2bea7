using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>distinct: the first row of each distinct combination of the listed columns, in input order.</summary>
internal sealed class DistinctPlan(TabularPlan input, IReadOnlyList<ScalarExpr> columns, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var grouper = new Grouper(columns.Select(c => c.Kind).ToArray());
        var groups = new int[Batch.Size];
        var keys = new Column[columns.Count];
        var firstRows = new List<int>();
        foreach (var batch in Batch.Over(table, run))
        {
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = columns[k].Evaluate(batch);
            }
            grouper.Assign(keys, batch.Count, groups);
            for (var i = 0; i < batch.Count; i++)
            {
                if (groups[i] == firstRows.Count)
                {
                    firstRows.Add(batch.Start + i);
                }
            }
        }
        var rows = firstRows.ToArray();
        var output = columns.Select(c => Evaluation.Full(c, table, run).Gather(rows)).ToArray();
        return new Table(Schema, output);
    }
}

/// <summary>count: one row with the number of input rows.</summary>
internal sealed class CountPlan(TabularPlan input, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run) =>
        new(Schema, [new Column<long>(ScalarKind.Long, [input.Execute(run).RowCount])]);
}

/// <summary>print: one row of expressions over no input.</summary>
internal sealed class PrintPlan(IReadOnlyList<ScalarExpr> expressions, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run) =>
        new(Schema, expressions.Select(e => e.Evaluate(Batch.SingleRow(run))).ToArray());
}
