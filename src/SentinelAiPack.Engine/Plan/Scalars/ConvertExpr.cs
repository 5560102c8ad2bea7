using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>Converts its operand's values to another kind with Kusto's conversion rules.</summary>
internal sealed class ConvertExpr(ScalarExpr inner, ScalarKind kind) : ScalarExpr(kind)
{
    public ScalarExpr Inner { get; } = inner;

    public override bool IsConstant => Inner.IsConstant;

    public override bool IsRowInvariant => Inner.IsRowInvariant;

    public override Column Evaluate(in Batch batch) => ColumnFactory.Convert(Inner.Evaluate(batch), Kind);
}
