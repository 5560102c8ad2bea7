using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>print: one row of expressions over no input.</summary>
internal sealed class PrintPlan(IReadOnlyList<ScalarExpr> expressions, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run) =>
        new(Schema, expressions.Select(e => e.Evaluate(Batch.SingleRow(run))).ToArray());
}
