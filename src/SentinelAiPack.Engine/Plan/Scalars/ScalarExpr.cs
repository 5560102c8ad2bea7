using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>
/// A compiled scalar expression: evaluated over a batch of input rows, it returns a column of
/// <see cref="Batch.Count"/> values of <see cref="Kind"/>.
/// </summary>
internal abstract class ScalarExpr(ScalarKind kind)
{
    public ScalarKind Kind { get; } = kind;

    public abstract Column Evaluate(in Batch batch);

    /// <summary>True when the value depends on neither rows nor the run (folded at compile time).</summary>
    public virtual bool IsConstant => false;

    /// <summary>True when the value is the same for every row of a run (constants, now(), let values).</summary>
    public virtual bool IsRowInvariant => IsConstant;

    /// <summary>The value of a row-invariant expression for a run.</summary>
    public virtual object? ValueFor(RunState run) => Evaluate(Batch.SingleRow(run)).GetValue(0);

    /// <summary>Evaluates and views the result as a typed column (kinds sharing storage are relabelled).</summary>
    public Column<T> EvaluateAs<T>(in Batch batch) => (Column<T>)Evaluate(batch);
}
