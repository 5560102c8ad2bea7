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

/// <summary>A value known at compile time, broadcast to the batch length.</summary>
internal sealed class ConstantExpr(ScalarKind kind, object? value) : ScalarExpr(kind)
{
    private Column? _cached;

    public object? Value { get; } = Values.ConvertTo(value, kind) ?? (kind == ScalarKind.String ? "" : null);

    public override bool IsConstant => true;

    public override object? ValueFor(RunState run) => Value;

    public override Column Evaluate(in Batch batch)
    {
        var cached = _cached;
        if (cached is not null && cached.Length == batch.Count)
        {
            return cached;
        }
        cached = ColumnFactory.Constant(Kind, Value, batch.Count);
        _cached = cached;
        return cached;
    }

    public override string ToString() => $"{Kind.Name()}({Value})";
}

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

/// <summary>A column of the input rows.</summary>
internal sealed class ColumnRefExpr(int index, ScalarKind kind, string name) : ScalarExpr(kind)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public override Column Evaluate(in Batch batch)
    {
        var column = batch.Input.Column(Index);
        if (column.Kind != Kind)
        {
            column = ColumnFactory.Convert(column, Kind);
        }
        return column.Slice(batch.Start, batch.Count);
    }

    public override string ToString() => Name;
}

/// <summary>Converts its operand's values to another kind with Kusto's conversion rules.</summary>
internal sealed class ConvertExpr(ScalarExpr inner, ScalarKind kind) : ScalarExpr(kind)
{
    public ScalarExpr Inner { get; } = inner;

    public override bool IsConstant => Inner.IsConstant;

    public override bool IsRowInvariant => Inner.IsRowInvariant;

    public override Column Evaluate(in Batch batch) => ColumnFactory.Convert(Inner.Evaluate(batch), Kind);
}

/// <summary>
/// column_ifexists(name, default) over an open input (a watchlist's own columns are known only when it runs): the
/// column when the rows have it, else the default.
/// </summary>
internal sealed class RuntimeColumnExpr(string name, ScalarExpr fallback, ScalarKind kind) : ScalarExpr(kind)
{
    public override Column Evaluate(in Batch batch)
    {
        var index = batch.Input.Schema.IndexOf(name);
        var column = index >= 0 ? batch.Input.Column(index).Slice(batch.Start, batch.Count) : fallback.Evaluate(batch);
        return ColumnFactory.Convert(column, Kind);
    }
}
