using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>A value computed once per run (now(), let scalars, toscalar()) and broadcast.</summary>
internal sealed class RunConstantExpr(ScalarKind kind, Func<RunState, object?> compute) : ScalarExpr(kind)
{
    public override bool IsRowInvariant => true;

    public override object? ValueFor(RunState run) => run.Once(this, () => Values.ConvertTo(compute(run), Kind));

    public override Column Evaluate(in Batch batch)
    {
        var run = batch.Run;
        var value = ValueFor(run);
        // Batches never exceed Batch.Size rows: one broadcast column per run serves every batch as a slice.
        var column = run.Once((this, "column"), () => ColumnFactory.Constant(Kind, value, Batch.Size));
        return column.Slice(0, batch.Count);
    }
}
