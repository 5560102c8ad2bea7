using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan;

/// <summary>A compiled tabular expression: produces a table of <see cref="Schema"/> when run.</summary>
internal abstract class TabularPlan(RowSchema schema)
{
    public RowSchema Schema { get; } = schema;

    public abstract Table Execute(RunState run);
}

/// <summary>A tabular value computed once per run and shared by every reference (let, materialize(), function arguments).</summary>
internal sealed class CachedPlan(TabularPlan inner) : TabularPlan(inner.Schema)
{
    public TabularPlan Inner { get; } = inner;

    public override Table Execute(RunState run) => run.Once(this, () => Inner.Execute(run));
}

/// <summary>Runs a plan and relabels its schema (e.g. to the names the analyzer gave a function's output).</summary>
internal sealed class FixedTablePlan(Table table) : TabularPlan(table.Schema)
{
    public override Table Execute(RunState run) => table;
}
