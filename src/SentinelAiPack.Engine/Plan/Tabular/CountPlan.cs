using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>count: one row with the number of input rows.</summary>
internal sealed class CountPlan(TabularPlan input, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run) =>
        new(Schema, [new Column<long>(ScalarKind.Long, [input.Execute(run).RowCount])]);
}
