using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

internal enum ComparisonOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// ==, !=, &lt;, &lt;=, &gt;, &gt;= over two operands already converted to one comparison kind.
/// Nulls (Kusto): == of two nulls is null, of null and a value false; != the mirror; ordering with a null is null.
/// </summary>
internal sealed class ComparisonExpr(ComparisonOp op, ScalarExpr left, ScalarExpr right) : ScalarExpr(ScalarKind.Bool)
{
    public ComparisonOp Op { get; } = op;

    public override bool IsConstant => left.IsConstant && right.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var a = left.Evaluate(batch);
        var b = right.Evaluate(batch);
        return (a, b) switch
        {
            (Column<long> x, Column<long> y) => Compare(x, y, static (p, q) => p.CompareTo(q)),
            (Column<double> x, Column<double> y) => Compare(x, y, static (p, q) => p.CompareTo(q)),
            (Column<string> x, Column<string> y) => Op is ComparisonOp.Equal or ComparisonOp.NotEqual
                ? StringEquality(x, y)
                : Compare(x, y, static (p, q) => string.CompareOrdinal(p, q)),
            (Column<bool> x, Column<bool> y) => Compare(x, y, static (p, q) => p.CompareTo(q)),
            (Column<decimal> x, Column<decimal> y) => Compare(x, y, static (p, q) => p.CompareTo(q)),
            (Column<Guid> x, Column<Guid> y) => Compare(x, y, static (p, q) => p.CompareTo(q)),
            _ => CompareBoxed(a, b),
        };
    }

    private Column<bool> StringEquality(Column<string> x, Column<string> y)
    {
        var a = x.Data;
        var b = y.Data;
        var result = new bool[a.Length];
        var equal = Op == ComparisonOp.Equal;
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = string.Equals(a[i], b[i], StringComparison.Ordinal) == equal;
        }
        return new Column<bool>(ScalarKind.Bool, result);
    }

    private Column<bool> Compare<T>(Column<T> x, Column<T> y, Func<T, T, int> compare)
    {
        var a = x.Data;
        var b = y.Data;
        var result = new bool[a.Length];
        var op = Op;
        if (!x.HasNulls && !y.HasNulls)
        {
            for (var i = 0; i < a.Length; i++)
            {
                result[i] = Test(op, compare(a[i], b[i]));
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
            if (aNull || bNull)
            {
                (result[i], nulls[i]) = NullOutcome(op, aNull && bNull);
            }
            else
            {
                result[i] = Test(op, compare(a[i], b[i]));
            }
        }
        return new Column<bool>(ScalarKind.Bool, result, nulls);
    }

    private Column<bool> CompareBoxed(Column x, Column y)
    {
        var result = new bool[x.Length];
        bool[]? nulls = null;
        for (var i = 0; i < x.Length; i++)
        {
            var a = x.GetValue(i);
            var b = y.GetValue(i);
            if (a is null || b is null)
            {
                nulls ??= new bool[x.Length];
                (result[i], nulls[i]) = NullOutcome(Op, a is null && b is null);
            }
            else if (Op is ComparisonOp.Equal or ComparisonOp.NotEqual)
            {
                result[i] = ValueComparer.Instance.Equals(a, b) == (Op == ComparisonOp.Equal);
            }
            else
            {
                result[i] = Test(Op, ValueComparer.Instance.Compare(a, b));
            }
        }
        return new Column<bool>(ScalarKind.Bool, result, nulls);
    }

    /// <summary>(value, isNull) of comparing with null(s).</summary>
    private static (bool, bool) NullOutcome(ComparisonOp op, bool bothNull) => op switch
    {
        ComparisonOp.Equal => bothNull ? (false, true) : (false, false),
        ComparisonOp.NotEqual => bothNull ? (false, true) : (true, false),
        _ => (false, true),
    };

    private static bool Test(ComparisonOp op, int c) => op switch
    {
        ComparisonOp.Equal => c == 0,
        ComparisonOp.NotEqual => c != 0,
        ComparisonOp.Less => c < 0,
        ComparisonOp.LessOrEqual => c <= 0,
        ComparisonOp.Greater => c > 0,
        _ => c >= 0,
    };
}
