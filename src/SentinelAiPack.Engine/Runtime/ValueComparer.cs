using System.Globalization;

namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// Orders and equates boxed values the way Kusto does for sort, min/max and dynamic comparisons: numbers by
/// value across int/long/real/decimal, strings ordinally, datetimes/timespans by ticks. Nulls sort first.
/// </summary>
public sealed class ValueComparer : IComparer<object?>, IEqualityComparer<object?>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null)
        {
            return y is null ? 0 : -1;
        }
        if (y is null)
        {
            return 1;
        }
        switch (x)
        {
            case string a when y is string b:
                return string.CompareOrdinal(a, b);
            case long a when y is long b:
                return a.CompareTo(b);
            case bool a when y is bool b:
                return a.CompareTo(b);
            case DateTime a when y is DateTime b:
                return a.Ticks.CompareTo(b.Ticks);
            case TimeSpan a when y is TimeSpan b:
                return a.Ticks.CompareTo(b.Ticks);
            case Guid a when y is Guid b:
                return a.CompareTo(b);
        }
        if (IsNumber(x) && IsNumber(y))
        {
            if (x is decimal || y is decimal)
            {
                var dx = Values.ToDecimal(x);
                var dy = Values.ToDecimal(y);
                if (dx is not null && dy is not null)
                {
                    return dx.Value.CompareTo(dy.Value);
                }
            }
            return System.Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToDouble(y, CultureInfo.InvariantCulture));
        }
        // Mixed kinds (dynamic values): order by type, then by text.
        var kx = Rank(x);
        var ky = Rank(y);
        return kx != ky ? kx.CompareTo(ky) : string.CompareOrdinal(Values.ToKustoString(x), Values.ToKustoString(y));
    }

    private static bool IsNumber(object value) => value is int or long or double or decimal;

    private static int Rank(object value) => value switch
    {
        bool => 1,
        int or long or double or decimal => 2,
        DateTime => 3,
        TimeSpan => 4,
        Guid => 5,
        string => 6,
        DynArray => 7,
        DynBag => 8,
        _ => 9,
    };

    public new bool Equals(object? x, object? y) => x is DynArray or DynBag || y is DynArray or DynBag
        ? Dyn.Equals(x, y)
        : Compare(x, y) == 0;

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        int or long or double or decimal => System.Convert.ToDouble(obj, CultureInfo.InvariantCulture).GetHashCode(),
        DynArray or DynBag => Dyn.GetHashCode(obj),
        _ => obj.GetHashCode(),
    };
}
