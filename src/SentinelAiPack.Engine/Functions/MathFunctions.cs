using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Numeric functions: abs, ceiling, round, sqrt, pow, log*, exp*, sign, max_of/min_of, isnan/isinf/isfinite, pi, rand.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("abs", c => Fn.Row(c, c.ResultKind, a => a[0] switch
        {
            null => null,
            long l => Math.Abs(l),
            int i => Math.Abs(i),
            double d => Math.Abs(d),
            decimal m => Math.Abs(m),
            TimeSpan t => t.Duration(),
            var v => Fn.Real(v) is { } x ? Math.Abs(x) : null,
        }));
        r.Add("ceiling", c => Fn.Row(c, c.ResultKind, a => Fn.Real(a[0]) is { } x ? Math.Ceiling(x) : null));
        r.Add("round", c => Fn.Row(c, c.ResultKind, a => Fn.Real(a[0]) is { } x
            ? Math.Round(x, (int)Math.Clamp(a.Length > 1 ? Fn.Long(a[1]) ?? 0 : 0, 0, 15), MidpointRounding.AwayFromZero)
            : null));
        r.Add("sqrt", c => Real(c, Math.Sqrt));
        r.Add("exp", c => Real(c, Math.Exp));
        r.Add("exp2", c => Real(c, x => Math.Pow(2, x)));
        r.Add("exp10", c => Real(c, x => Math.Pow(10, x)));
        r.Add("log", c => Real(c, Math.Log));
        r.Add("log2", c => Real(c, Math.Log2));
        r.Add("log10", c => Real(c, Math.Log10));
        r.Add("pow", c => Fn.Row(c, ScalarKind.Real, a => Fn.Real(a[0]) is { } x && Fn.Real(a[1]) is { } y ? Math.Pow(x, y) : null));
        r.Add("sign", c => Fn.Row(c, c.ResultKind, a => Fn.Real(a[0]) is { } x ? Math.Sign(x) : null));
        r.Add("pi", c => Fn.Row(c, ScalarKind.Real, _ => Math.PI));
        r.Add("isnan", c => Fn.Row(c, ScalarKind.Bool, a => Fn.Real(a[0]) is { } x && double.IsNaN(x)));
        r.Add("isinf", c => Fn.Row(c, ScalarKind.Bool, a => Fn.Real(a[0]) is { } x && double.IsInfinity(x)));
        r.Add("isfinite", c => Fn.Row(c, ScalarKind.Bool, a => Fn.Real(a[0]) is { } x && double.IsFinite(x)));
        r.Add("max_of", c => Fn.Row(c, c.ResultKind, a => Extreme(a, max: true)));
        r.Add("min_of", c => Fn.Row(c, c.ResultKind, a => Extreme(a, max: false)));
        r.Add("binary_and", c => Binary(c, (a, b) => a & b));
        r.Add("binary_or", c => Binary(c, (a, b) => a | b));
        r.Add("binary_xor", c => Binary(c, (a, b) => a ^ b));
        r.Add("binary_shift_left", c => Binary(c, (a, b) => b is >= 0 and < 64 ? a << (int)b : 0));
        r.Add("binary_shift_right", c => Binary(c, (a, b) => b is >= 0 and < 64 ? a >> (int)b : 0));
        r.Add("binary_not", c => Fn.Row(c, ScalarKind.Long, a => Fn.Long(a[0]) is { } x ? ~x : null));
        r.Add("bitset_count_ones", c => Fn.Row(c, ScalarKind.Long, a => Fn.Long(a[0]) is { } x ? (long)System.Numerics.BitOperations.PopCount((ulong)x) : null));
        r.Add("rand", c => Fn.Row(c, c.Count == 0 ? ScalarKind.Real : ScalarKind.Long, a => a.Length == 0
            ? Random.Shared.NextDouble()
            : Random.Shared.NextInt64(Math.Max(1, Fn.Long(a[0]) ?? 1)), deterministic: false));
    }

    private static Plan.Scalars.ScalarExpr Binary(FunctionCall call, Func<long, long, long> f) =>
        Fn.Row(call, ScalarKind.Long, a => Fn.Long(a[0]) is { } x && Fn.Long(a[1]) is { } y ? f(x, y) : null);

    private static Plan.Scalars.ScalarExpr Real(FunctionCall call, Func<double, double> f) =>
        Fn.Row(call, ScalarKind.Real, a => Fn.Real(a[0]) is { } x ? f(x) : null);

    /// <summary>max_of/min_of: nulls are ignored; all null gives null.</summary>
    private static object? Extreme(object?[] values, bool max)
    {
        object? best = null;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }
            if (best is null || (ValueComparer.Instance.Compare(value, best) is var c && (max ? c > 0 : c < 0)))
            {
                best = value;
            }
        }
        return best;
    }
}
