using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary><c>and</c> / <c>or</c> with Kusto's three-valued logic (false and null = false, true or null = true, else null).</summary>
internal sealed class LogicalExpr(bool isAnd, ScalarExpr left, ScalarExpr right) : ScalarExpr(ScalarKind.Bool)
{
    public override bool IsConstant => left.IsConstant && right.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var x = (Column<bool>)ColumnFactory.Convert(left.Evaluate(batch), ScalarKind.Bool);
        var y = (Column<bool>)ColumnFactory.Convert(right.Evaluate(batch), ScalarKind.Bool);
        var a = x.Data;
        var b = y.Data;
        var result = new bool[a.Length];
        if (!x.HasNulls && !y.HasNulls)
        {
            if (isAnd)
            {
                for (var i = 0; i < a.Length; i++)
                {
                    result[i] = a[i] & b[i];
                }
            }
            else
            {
                for (var i = 0; i < a.Length; i++)
                {
                    result[i] = a[i] | b[i];
                }
            }
            return new Column<bool>(ScalarKind.Bool, result);
        }
        var na = x.Nulls;
        var nb = y.Nulls;
        var nulls = new bool[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            var aNull = !na.IsEmpty && na[i];
            var bNull = !nb.IsEmpty && nb[i];
            if (isAnd)
            {
                if ((!aNull && !a[i]) || (!bNull && !b[i]))
                {
                    result[i] = false;
                }
                else
                {
                    nulls[i] = aNull || bNull;
                    result[i] = !nulls[i];
                }
            }
            else
            {
                if ((!aNull && a[i]) || (!bNull && b[i]))
                {
                    result[i] = true;
                }
                else
                {
                    nulls[i] = aNull || bNull;
                }
            }
        }
        return new Column<bool>(ScalarKind.Bool, result, nulls);
    }
}

/// <summary><c>not()</c>: null stays null.</summary>
internal sealed class NotExpr(ScalarExpr operand) : ScalarExpr(ScalarKind.Bool)
{
    public override bool IsConstant => operand.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var x = (Column<bool>)ColumnFactory.Convert(operand.Evaluate(batch), ScalarKind.Bool);
        var a = x.Data;
        var result = new bool[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = !a[i];
        }
        return new Column<bool>(ScalarKind.Bool, result, x.HasNulls ? x.Nulls.ToArray() : null);
    }
}
