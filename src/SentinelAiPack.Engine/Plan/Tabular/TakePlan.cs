using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

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
