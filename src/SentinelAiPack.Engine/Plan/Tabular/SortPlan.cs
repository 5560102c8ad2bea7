using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>A sort key expression with its direction and null placement.</summary>
internal sealed record SortSpec(ScalarExpr Expr, bool Descending, bool NullsFirst);

/// <summary>sort / order by, and top N by (with <see cref="Limit"/>).</summary>
internal sealed class SortPlan(TabularPlan input, IReadOnlyList<SortSpec> keys, ScalarExpr? limit) : TabularPlan(input.Schema)
{
    public ScalarExpr? Limit { get; } = limit;

    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var sortKeys = keys.Select(k => new SortKey(Evaluation.Full(k.Expr, table, run), k.Descending, k.NullsFirst)).ToArray();
        if (Limit is null)
        {
            return table.Gather(RowOrdering.Sort(table.RowCount, sortKeys));
        }
        var count = Math.Max(0, Values.ToLong(Limit.ValueFor(run)) ?? 0);
        return table.Gather(RowOrdering.Top(table.RowCount, sortKeys, count));
    }
}

/// <summary>take / limit: the first N rows.</summary>
internal sealed class TakePlan(TabularPlan input, ScalarExpr count) : TabularPlan(input.Schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var n = (int)Math.Clamp(Values.ToLong(count.ValueFor(run)) ?? 0, 0, table.RowCount);
        return table.Slice(0, n);
    }
}
