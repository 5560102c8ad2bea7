using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

internal enum ArithmeticOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// <summary>
/// +, -, *, /, % over operands converted to one storage domain. Integer arithmetic wraps on overflow and
/// truncates on division; integer division or modulo by zero is null. Int results wrap to 32 bits.
/// </summary>
internal sealed class ArithmeticExpr(ArithmeticOp op, ScalarExpr left, ScalarExpr right, ScalarKind kind) : ScalarExpr(kind)
{
    public override bool IsConstant => left.IsConstant && right.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var a = left.Evaluate(batch);
        var b = right.Evaluate(batch);
        switch (a, b)
        {
            case (Column<long> x, Column<long> y):
                var longs = Longs(x, y);
                return Kind == ScalarKind.Int ? WrapInt(longs) : longs;
            case (Column<double> x, Column<double> y):
                return Reals(x, y);
            case (Column<decimal> x, Column<decimal> y):
                return Decimals(x, y);
            default:
                return Boxed(a, b);
        }
    }

    private Column<long> Longs(Column<long> x, Column<long> y)
    {
        var a = x.Data;
        var b = y.Data;
        var result = new long[a.Length];
        bool[]? nulls = MergeNulls(x, y);
        switch (op)
        {
            case ArithmeticOp.Add:
                for (var i = 0; i < a.Length; i++)
                {
                    result[i] = unchecked(a[i] + b[i]);
                }
                break;
            case ArithmeticOp.Subtract:
                for (var i = 0; i < a.Length; i++)
                {
                    result[i] = unchecked(a[i] - b[i]);
                }
                break;
            case ArithmeticOp.Multiply:
                for (var i = 0; i < a.Length; i++)
                {
                    result[i] = unchecked(a[i] * b[i]);
                }
                break;
            default:
                for (var i = 0; i < a.Length; i++)
                {
                    if (nulls is not null && nulls[i])
                    {
                        continue;
                    }
                    if (b[i] == 0)
                    {
                        nulls ??= new bool[a.Length];
                        nulls[i] = true;
                    }
                    else if (b[i] == -1)
                    {
                        // long.MinValue / -1 overflows in .NET; Kusto wraps.
                        result[i] = op == ArithmeticOp.Divide ? unchecked(-a[i]) : 0;
                    }
                    else
                    {
                        result[i] = op == ArithmeticOp.Divide ? a[i] / b[i] : Modulo(a[i], b[i]);
                    }
                }
                break;
        }
        return new Column<long>(Kind, result, nulls);
    }

    /// <summary>Kusto's modulo is never negative: 0 ≤ N % D &lt; |D| (learn.microsoft.com/kusto/query/numerical-operators).</summary>
    public static long Modulo(long n, long d)
    {
        var m = n % d;
        return m < 0 ? m + Math.Abs(d) : m;
    }

    public static double Modulo(double n, double d)
    {
        var m = n % d;
        return m < 0 ? m + Math.Abs(d) : m;
    }

    private static Column<long> WrapInt(Column<long> column)
    {
        var data = column.Data;
        var result = new long[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            result[i] = unchecked((int)data[i]);
        }
        return new Column<long>(ScalarKind.Int, result, column.HasNulls ? column.Nulls.ToArray() : null);
    }

    private Column Reals(Column<double> x, Column<double> y)
    {
        var a = x.Data;
        var b = y.Data;
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = op switch
            {
                ArithmeticOp.Add => a[i] + b[i],
                ArithmeticOp.Subtract => a[i] - b[i],
                ArithmeticOp.Multiply => a[i] * b[i],
                ArithmeticOp.Divide => a[i] / b[i],
                _ => Modulo(a[i], b[i]),
            };
        }
        var column = new Column<double>(ScalarKind.Real, result, MergeNulls(x, y));
        // Real arithmetic yielding a time (timespan * 1.5) rounds back to ticks.
        return Kind == ScalarKind.Real ? column : RoundToLong(column, Kind);
    }

    private static Column<long> RoundToLong(Column<double> column, ScalarKind kind)
    {
        var data = column.Data;
        var result = new long[data.Length];
        var nulls = column.HasNulls ? column.Nulls.ToArray() : null;
        for (var i = 0; i < data.Length; i++)
        {
            if (double.IsFinite(data[i]) && Math.Abs(data[i]) < 9.2e18)
            {
                result[i] = (long)Math.Round(data[i]);
            }
            else
            {
                nulls ??= new bool[data.Length];
                nulls[i] = true;
            }
        }
        return new Column<long>(kind, result, nulls);
    }

    private Column Decimals(Column<decimal> x, Column<decimal> y)
    {
        var builder = ColumnBuilder.Create(ScalarKind.Decimal, x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            builder.Add(x.IsNull(i) || y.IsNull(i) ? null : DecimalOp(x[i], y[i]));
        }
        return ColumnFactory.Convert(builder.Build(), Kind);
    }

    private decimal? DecimalOp(decimal a, decimal b)
    {
        try
        {
            return op switch
            {
                ArithmeticOp.Add => a + b,
                ArithmeticOp.Subtract => a - b,
                ArithmeticOp.Multiply => a * b,
                ArithmeticOp.Divide => b == 0 ? null : a / b,
                _ => b == 0 ? null : a % b is var m && m < 0 ? m + Math.Abs(b) : a % b,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private Column Boxed(Column a, Column b)
    {
        var builder = ColumnBuilder.Create(Kind, a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            builder.Add(BoxedArithmetic.Apply(op, a.GetValue(i), b.GetValue(i)));
        }
        return builder.Build();
    }

    private static bool[]? MergeNulls<T>(Column<T> x, Column<T> y)
    {
        if (!x.HasNulls && !y.HasNulls)
        {
            return null;
        }
        var nulls = new bool[x.Length];
        var na = x.Nulls;
        var nb = y.Nulls;
        for (var i = 0; i < nulls.Length; i++)
        {
            nulls[i] = (!na.IsEmpty && na[i]) || (!nb.IsEmpty && nb[i]);
        }
        return nulls;
    }
}

/// <summary>Arithmetic on boxed values, for dynamic operands: numbers, datetimes and timespans as Kusto combines them.</summary>
internal static class BoxedArithmetic
{
    public static object? Apply(ArithmeticOp op, object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }
        switch (a, b)
        {
            case (DateTime x, TimeSpan y):
                return op switch { ArithmeticOp.Add => x + y, ArithmeticOp.Subtract => x - y, _ => null };
            case (DateTime x, DateTime y) when op == ArithmeticOp.Subtract:
                return x - y;
            case (TimeSpan x, TimeSpan y):
                return op switch
                {
                    ArithmeticOp.Add => x + y,
                    ArithmeticOp.Subtract => x - y,
                    ArithmeticOp.Divide => y.Ticks == 0 ? null : (double)x.Ticks / y.Ticks,
                    _ => null,
                };
        }
        if (a is long or int && b is long or int)
        {
            var x = Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture);
            var y = Convert.ToInt64(b, System.Globalization.CultureInfo.InvariantCulture);
            return op switch
            {
                ArithmeticOp.Add => unchecked(x + y),
                ArithmeticOp.Subtract => unchecked(x - y),
                ArithmeticOp.Multiply => unchecked(x * y),
                ArithmeticOp.Divide => y == 0 ? null : y == -1 ? unchecked(-x) : x / y,
                _ => y == 0 ? null : y == -1 ? 0L : ArithmeticExpr.Modulo(x, y),
            };
        }
        var p = Values.ToReal(a);
        var q = Values.ToReal(b);
        if (p is null || q is null)
        {
            return null;
        }
        return op switch
        {
            ArithmeticOp.Add => p + q,
            ArithmeticOp.Subtract => p - q,
            ArithmeticOp.Multiply => p * q,
            ArithmeticOp.Divide => p / q,
            _ => ArithmeticExpr.Modulo(p.Value, q.Value),
        };
    }
}

/// <summary>Unary minus.</summary>
internal sealed class NegateExpr(ScalarExpr operand) : ScalarExpr(operand.Kind)
{
    public override bool IsConstant => operand.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var column = operand.Evaluate(batch);
        var builder = ColumnBuilder.Create(Kind, column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            builder.Add(column.GetValue(i) switch
            {
                null => null,
                int v => unchecked(-v),
                long v => unchecked(-v),
                double v => -v,
                decimal v => -v,
                TimeSpan v => -v,
                var other => BoxedArithmetic.Apply(ArithmeticOp.Multiply, other, -1L),
            });
        }
        return builder.Build();
    }
}
