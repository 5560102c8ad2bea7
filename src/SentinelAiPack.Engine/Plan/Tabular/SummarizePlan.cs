using SentinelAiPack.Engine.Functions.Aggregates;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>
/// summarize: rows are grouped by the key expressions (batch by batch) and each aggregate folds its arguments
/// into per-group state. Output: key columns, then each aggregate's columns. Without keys, an empty input
/// still yields one row of default values (0, [] or null).
/// </summary>
internal sealed class SummarizePlan(TabularPlan input, IReadOnlyList<ScalarExpr> keys, IReadOnlyList<AggregateSpec> aggregates, RowSchema schema)
    : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var grouper = new Grouper(keys.Select(k => k.Kind).ToArray());
        var states = aggregates.Select(a => a.Create()).ToArray();
        var groups = new int[Batch.Size];
        var keyColumns = new Column[keys.Count];
        foreach (var batch in Batch.Over(table, run))
        {
            for (var k = 0; k < keys.Count; k++)
            {
                keyColumns[k] = keys[k].Evaluate(batch);
            }
            grouper.Assign(keyColumns, batch.Count, groups);
            var ids = groups.AsSpan(0, batch.Count);
            for (var a = 0; a < aggregates.Count; a++)
            {
                var args = aggregates[a].Args.Select(arg => arg.Evaluate(batch)).ToArray();
                states[a].Add(ids, args, batch.Start);
            }
        }
        var groupCount = keys.Count == 0 ? 1 : grouper.GroupCount;
        run.CheckRows(groupCount);
        var columns = new List<Column>(Schema.Count);
        columns.AddRange(grouper.KeyColumns());
        foreach (var state in states)
        {
            columns.AddRange(state.Results(groupCount, table));
        }
        for (var i = 0; i < columns.Count; i++)
        {
            columns[i] = ColumnFactory.Convert(columns[i], Schema[i].Kind);
        }
        return new Table(Schema, columns);
    }
}
