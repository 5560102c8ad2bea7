using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>
/// Series (dynamic numeric arrays from make-series): element-wise arithmetic, fills, series_stats_dynamic and
/// series_fit_line_dynamic. Functions that return several columns (series_stats, series_fit_line) are refused by
/// the compiler; their _dynamic forms return one bag.
/// </summary>
internal static class SeriesFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("series_add", c => ElementWise(c, (x, y) => x + y));
        r.Add("series_subtract", c => ElementWise(c, (x, y) => x - y));
        r.Add("series_multiply", c => ElementWise(c, (x, y) => x * y));
        r.Add("series_divide", c => ElementWise(c, (x, y) => x / y));
        r.Add("series_greater", c => Compare(c, (x, y) => x > y));
        r.Add("series_greater_equals", c => Compare(c, (x, y) => x >= y));
        r.Add("series_less", c => Compare(c, (x, y) => x < y));
        r.Add("series_less_equals", c => Compare(c, (x, y) => x <= y));
        r.Add("series_equals", c => Compare(c, (x, y) => x == y));
        r.Add("series_not_equals", c => Compare(c, (x, y) => x != y));
        r.Add("series_abs", c => Map(c, Math.Abs));
        r.Add("series_fill_const", c => Fn.Row(c, ScalarKind.Dynamic, a => Fill(a[0] as DynArray, v => v is null, (_, _) => Dyn.FromValue(a.Length > 1 ? a[1] : 0L))));
        r.Add("series_fill_forward", c => Fn.Row(c, ScalarKind.Dynamic, a => FillForward(a[0] as DynArray, reverse: false)));
        r.Add("series_fill_backward", c => Fn.Row(c, ScalarKind.Dynamic, a => FillForward(a[0] as DynArray, reverse: true)));
        r.Add("series_fill_linear", c => Fn.Row(c, ScalarKind.Dynamic, a => FillLinear(a[0] as DynArray)));
        r.Add("series_stats_dynamic", c => Fn.Row(c, ScalarKind.Dynamic, a => Stats(a[0] as DynArray)));
        r.Add("series_fit_line_dynamic", c => Fn.Row(c, ScalarKind.Dynamic, a => FitLine(a[0] as DynArray)));
        r.Add("series_pearson_correlation", c => Fn.Row(c, ScalarKind.Real, a => Pearson(a[0] as DynArray, a[1] as DynArray)));
    }

    private static double?[]? Numbers(object? value) => value is DynArray array ? array.Select(Values.ToReal).ToArray() : null;

    private static object? Series(IEnumerable<double?> values) =>
        new DynArray(values.Select(v => v is { } d && double.IsFinite(d) ? (object?)d : null).ToArray());

    private static Plan.Scalars.ScalarExpr ElementWise(FunctionCall call, Func<double, double, double> op) =>
        Fn.Row(call, ScalarKind.Dynamic, a =>
        {
            var x = Numbers(a[0]);
            var y = Numbers(a[1]);
            var scalarY = y is null ? Values.ToReal(a[1]) : null;
            var scalarX = x is null ? Values.ToReal(a[0]) : null;
            var length = Math.Max(x?.Length ?? 0, y?.Length ?? 0);
            if (x is null && y is null)
            {
                return null;
            }
            return Series(Enumerable.Range(0, length).Select(i =>
            {
                var p = x is null ? scalarX : i < x.Length ? x[i] : null;
                var q = y is null ? scalarY : i < y.Length ? y[i] : null;
                return p is { } pv && q is { } qv ? op(pv, qv) : (double?)null;
            }));
        });

    private static Plan.Scalars.ScalarExpr Compare(FunctionCall call, Func<double, double, bool> op) =>
        Fn.Row(call, ScalarKind.Dynamic, a =>
        {
            var x = Numbers(a[0]);
            if (x is null)
            {
                return null;
            }
            var y = Numbers(a[1]);
            var scalar = Values.ToReal(a[1]);
            return new DynArray(x.Select((p, i) =>
            {
                var q = y is null ? scalar : i < y.Length ? y[i] : null;
                return p is { } pv && q is { } qv ? (object?)op(pv, qv) : null;
            }).ToArray());
        });

    private static Plan.Scalars.ScalarExpr Map(FunctionCall call, Func<double, double> f) =>
        Fn.Row(call, ScalarKind.Dynamic, a => Numbers(a[0]) is { } x ? Series(x.Select(v => v is { } d ? f(d) : (double?)null)) : null);

    private static object? Fill(DynArray? array, Func<object?, bool> missing, Func<int, object?, object?> fill) =>
        array is null ? null : new DynArray(array.Select((v, i) => missing(v) ? fill(i, v) : v).ToArray());

    private static object? FillForward(DynArray? array, bool reverse)
    {
        if (array is null)
        {
            return null;
        }
        var values = array.ToArray();
        object? last = null;
        for (var k = 0; k < values.Length; k++)
        {
            var i = reverse ? values.Length - 1 - k : k;
            if (values[i] is null)
            {
                values[i] = last;
            }
            else
            {
                last = values[i];
            }
        }
        return new DynArray(values);
    }

    private static object? FillLinear(DynArray? array)
    {
        var x = Numbers(array);
        if (x is null)
        {
            return null;
        }
        var known = Enumerable.Range(0, x.Length).Where(i => x[i] is not null).ToArray();
        if (known.Length == 0)
        {
            return array;
        }
        var result = new double?[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] is { } v)
            {
                result[i] = v;
                continue;
            }
            var before = known.LastOrDefault(k => k < i, -1);
            var after = known.FirstOrDefault(k => k > i, -1);
            result[i] = before < 0 ? x[after] : after < 0 ? x[before]
                : x[before] + ((x[after] - x[before]) * (i - before) / (after - before));
        }
        return Series(result);
    }

    /// <summary>series_stats_dynamic: min, min_idx, max, max_idx, avg, stdev (sample), variance (sample) over non-null values.</summary>
    private static object? Stats(DynArray? array)
    {
        var x = Numbers(array);
        if (x is null)
        {
            return null;
        }
        var values = x.Select((v, i) => (v, i)).Where(p => p.v is { } d && double.IsFinite(d)).Select(p => (Value: p.v!.Value, Index: p.i)).ToArray();
        if (values.Length == 0)
        {
            return new DynBag([new("min", null), new("min_idx", null), new("max", null), new("max_idx", null), new("avg", null), new("stdev", null), new("variance", null)]);
        }
        var min = values.MinBy(p => p.Value);
        var max = values.MaxBy(p => p.Value);
        var avg = values.Average(p => p.Value);
        var variance = values.Length > 1 ? values.Sum(p => (p.Value - avg) * (p.Value - avg)) / (values.Length - 1) : 0;
        return new DynBag(
        [
            new("min", min.Value), new("min_idx", (long)min.Index), new("max", max.Value), new("max_idx", (long)max.Index),
            new("avg", avg), new("stdev", Math.Sqrt(variance)), new("variance", variance),
        ]);
    }

    /// <summary>series_fit_line_dynamic: least-squares line over x = 1..n: rsquare, slope, variance, rvariance, interception, line_fit.</summary>
    private static object? FitLine(DynArray? array)
    {
        var x = Numbers(array);
        if (x is null || x.Length == 0)
        {
            return null;
        }
        var y = x.Select(v => v ?? 0).ToArray();
        var n = y.Length;
        var meanX = (n + 1) / 2.0;
        var meanY = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i + 1 - meanX) * (y[i] - meanY);
            sxx += (i + 1 - meanX) * (i + 1 - meanX);
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        var intercept = meanY - (slope * meanX);
        var fit = Enumerable.Range(0, n).Select(i => intercept + (slope * (i + 1))).ToArray();
        var variance = y.Sum(v => (v - meanY) * (v - meanY)) / n;
        var residual = y.Select((v, i) => (v - fit[i]) * (v - fit[i])).Sum() / n;
        var rsquare = variance == 0 ? 1 : 1 - (residual / variance);
        return new DynBag(
        [
            new("rsquare", rsquare), new("slope", slope), new("variance", variance), new("rvariance", residual),
            new("interception", intercept), new("line_fit", new DynArray(fit.Cast<object?>().ToArray())),
        ]);
    }

    private static object? Pearson(DynArray? a, DynArray? b)
    {
        var x = Numbers(a);
        var y = Numbers(b);
        if (x is null || y is null || x.Length != y.Length || x.Length < 2)
        {
            return null;
        }
        var pairs = x.Zip(y).Where(p => p.First is not null && p.Second is not null).Select(p => (X: p.First!.Value, Y: p.Second!.Value)).ToArray();
        var mx = pairs.Average(p => p.X);
        var my = pairs.Average(p => p.Y);
        var cov = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        var vx = Math.Sqrt(pairs.Sum(p => (p.X - mx) * (p.X - mx)));
        var vy = Math.Sqrt(pairs.Sum(p => (p.Y - my) * (p.Y - my)));
        return vx == 0 || vy == 0 ? null : cov / (vx * vy);
    }
}
