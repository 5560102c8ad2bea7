using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>Keeps the rows whose predicate is true; the kept rows are gathered lazily, column by column.</summary>
internal sealed class WherePlan(TabularPlan input, ScalarExpr predicate) : TabularPlan(input.Schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        return table.Gather(Evaluation.Select(predicate, table, run));
    }
}
