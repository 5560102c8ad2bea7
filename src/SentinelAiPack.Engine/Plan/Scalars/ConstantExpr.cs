using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

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
