using System.Globalization;

namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// Kusto's conversion and formatting rules over boxed values (null, bool, int, long, double, decimal, DateTime,
/// TimeSpan, Guid, string, and dynamic arrays/bags). Conversions that fail yield null, as Kusto's to*() functions do.
/// </summary>
public static class Values
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // ---- formatting -------------------------------------------------------------------------------------------

    /// <summary>tostring(): null → "", strings as they are, dynamic as JSON, datetimes as ISO 8601 UTC.</summary>
    public static string ToKustoString(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(Invariant),
        long l => l.ToString(Invariant),
        double d => FormatReal(d),
        decimal m => m.ToString(Invariant),
        DateTime t => FormatDateTime(t.Ticks),
        TimeSpan t => FormatTimeSpan(t.Ticks),
        Guid g => g.ToString("D"),
        DynArray or DynBag => Dyn.ToJson(value),
        _ => Convert.ToString(value, Invariant) ?? "",
    };

    /// <summary>ISO 8601 UTC, seconds always, 7 fractional digits only when the value has a fraction.</summary>
    public static string FormatDateTime(long ticks)
    {
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return "";
        }
        var value = new DateTime(ticks, DateTimeKind.Utc);
        return value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", Invariant);
    }

    /// <summary>[-][d.]hh:mm:ss[.fffffff], as Kusto prints timespans.</summary>
    public static string FormatTimeSpan(long ticks) => new TimeSpan(ticks).ToString("c", Invariant);

    public static string FormatReal(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }
        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }
        return value.ToString("R", Invariant);
    }

    // ---- conversions ------------------------------------------------------------------------------------------

    public static bool? ToBool(object? value) => value switch
    {
        null => null,
        bool b => b,
        int i => i != 0,
        long l => l != 0,
        double d => double.IsNaN(d) ? null : d != 0,
        decimal m => m != 0,
        string s => ParseBool(s),
        _ => null,
    };

    private static bool? ParseBool(string s)
    {
        var t = s.Trim();
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1")
        {
            return true;
        }
        if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0")
        {
            return false;
        }
        return null;
    }

    public static long? ToLong(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        double d => DoubleToLong(d),
        decimal m => m is >= long.MinValue and <= long.MaxValue ? (long)decimal.Truncate(m) : null,
        string s => ParseLong(s),
        DateTime t => t.Ticks,
        TimeSpan t => t.Ticks,
        _ => null,
    };

    public static long? ToInt(object? value)
    {
        if (value is double d)
        {
            return double.IsFinite(d) && d >= int.MinValue && d < 2147483648.0 ? (int)d : null;
        }
        var l = ToLong(value);
        return l is null ? null : unchecked((int)l.Value);
    }

    private static long? DoubleToLong(double d) =>
        double.IsFinite(d) && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 ? (long)d : null;

    private static long? ParseLong(string s)
    {
        var t = s.Trim();
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, Invariant, out var l))
        {
            return l;
        }
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, Invariant, out var hex))
        {
            return hex;
        }
        if (double.TryParse(t, NumberStyles.Float, Invariant, out var d))
        {
            return DoubleToLong(d);
        }
        return null;
    }

    public static double? ToReal(object? value) => value switch
    {
        null => null,
        double d => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        string s => ParseReal(s),
        DateTime t => t.Ticks,
        TimeSpan t => t.Ticks,
        _ => null,
    };

    private static double? ParseReal(string s)
    {
        var t = s.Trim();
        if (double.TryParse(t, NumberStyles.Float, Invariant, out var d))
        {
            return d;
        }
        return t.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => null,
        };
    }

    public static decimal? ToDecimal(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                decimal m => m,
                long l => l,
                int i => i,
                double d => double.IsFinite(d) ? (decimal)d : null,
                bool b => b ? 1 : 0,
                string s => decimal.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var m) ? m : null,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static long? ToDateTimeTicks(object? value) => value switch
    {
        null => null,
        DateTime t => t.Ticks,
        string s => ParseDateTime(s),
        _ => null,
    };

    /// <summary>Parses the date formats Kusto accepts (ISO 8601, RFC 822/850, invariant general formats) as UTC.</summary>
    public static long? ParseDateTime(string s)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(t, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed.UtcDateTime.Ticks;
        }
        return null;
    }

    public static long? ToTimeSpanTicks(object? value) => value switch
    {
        null => null,
        TimeSpan t => t.Ticks,
        string s => ParseTimeSpan(s),
        _ => null,
    };

    /// <summary>Parses [-][d.]hh:mm[:ss[.f]] and Kusto literals such as 1d, 2h, 30m, 10s, 100ms.</summary>
    public static long? ParseTimeSpan(string s)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            return null;
        }
        if (TimeSpan.TryParse(t, Invariant, out var span) && t.Contains(':', StringComparison.Ordinal))
        {
            return span.Ticks;
        }
        return TimeSpanLiteral.TryParse(t, out var ticks) ? ticks : null;
    }

    public static Guid? ToGuid(object? value) => value switch
    {
        null => null,
        Guid g => g,
        string s => Guid.TryParse(s.Trim(), out var g) ? g : null,
        _ => null,
    };

    /// <summary>Converts a boxed value to the boxed representation of <paramref name="kind"/> (null when it cannot).</summary>
    public static object? ConvertTo(object? value, ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => ToBool(value),
        ScalarKind.Int => ToInt(value) is { } i ? (int)i : null,
        ScalarKind.Long => ToLong(value),
        ScalarKind.Real => ToReal(value),
        ScalarKind.Decimal => ToDecimal(value),
        ScalarKind.DateTime => ToDateTimeTicks(value) is { } t ? new DateTime(t, DateTimeKind.Utc) : null,
        ScalarKind.TimeSpan => ToTimeSpanTicks(value) is { } t ? new TimeSpan(t) : null,
        ScalarKind.Guid => ToGuid(value),
        ScalarKind.String => ToKustoString(value),
        _ => Dyn.FromValue(value),
    };

    /// <summary>The scalar kind a boxed value naturally has.</summary>
    public static ScalarKind KindOf(object? value) => value switch
    {
        bool => ScalarKind.Bool,
        int => ScalarKind.Int,
        long => ScalarKind.Long,
        double => ScalarKind.Real,
        decimal => ScalarKind.Decimal,
        DateTime => ScalarKind.DateTime,
        TimeSpan => ScalarKind.TimeSpan,
        Guid => ScalarKind.Guid,
        string => ScalarKind.String,
        _ => ScalarKind.Dynamic,
    };
}
