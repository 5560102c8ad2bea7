using System.Globalization;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Date and time: now, ago, bin/floor/bin_at, startof*/endof*, datetime_add/diff/part, format_datetime/timespan, unixtime_*.</summary>
internal static class DateTimeFunctions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Register(FunctionRegistry r)
    {
        r.Add("now", c => new RunConstantExpr(ScalarKind.DateTime, run =>
            new DateTime(run.NowTicks + (c.Count > 0 ? Values.ToTimeSpanTicks(c.Arg(0).ValueFor(run)) ?? 0 : 0), DateTimeKind.Utc)));
        r.Add("ago", Ago);
        r.Add("ingestion_time", IngestionTime);
        r.Add(["bin", "floor"], c => Bin(c, hasOrigin: false));
        r.Add("bin_at", c => Bin(c, hasOrigin: true));
        r.Add("startofday", c => Boundary(c, (t, n) => t.Date.AddDays(n)));
        r.Add("startofweek", c => Boundary(c, (t, n) => t.Date.AddDays(-(int)t.DayOfWeek + (7 * n))));
        r.Add("startofmonth", c => Boundary(c, (t, n) => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)n)));
        r.Add("startofyear", c => Boundary(c, (t, n) => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)n)));
        r.Add("endofday", c => Boundary(c, (t, n) => t.Date.AddDays(n + 1).AddTicks(-1)));
        r.Add("endofweek", c => Boundary(c, (t, n) => t.Date.AddDays(-(int)t.DayOfWeek + (7 * (n + 1))).AddTicks(-1)));
        r.Add("endofmonth", c => Boundary(c, (t, n) => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)n + 1).AddTicks(-1)));
        r.Add("endofyear", c => Boundary(c, (t, n) => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)n + 1).AddTicks(-1)));
        r.Add("datetime_add", c => Fn.Row(c, ScalarKind.DateTime, a => Date(a[2]) is { } t && Fn.Long(a[1]) is { } n ? Add(Fn.Str(a[0]), n, t) : null));
        r.Add("datetime_diff", c => Fn.Row(c, ScalarKind.Long, a => Date(a[1]) is { } x && Date(a[2]) is { } y ? Diff(Fn.Str(a[0]), x, y) : null));
        r.Add("datetime_part", c => Fn.Row(c, ScalarKind.Int, a => Date(a[1]) is { } t ? Part(Fn.Str(a[0]), t) : null));
        r.Add("dayofweek", c => Fn.Row(c, ScalarKind.TimeSpan, a => Date(a[0]) is { } t ? TimeSpan.FromDays((int)t.DayOfWeek) : null));
        r.Add("dayofmonth", c => Fn.Row(c, ScalarKind.Int, a => Date(a[0])?.Day));
        r.Add("dayofyear", c => Fn.Row(c, ScalarKind.Int, a => Date(a[0])?.DayOfYear));
        r.Add("hourofday", c => Fn.Row(c, ScalarKind.Int, a => Date(a[0])?.Hour));
        r.Add(["getmonth", "monthofyear"], c => Fn.Row(c, ScalarKind.Int, a => Date(a[0])?.Month));
        r.Add("getyear", c => Fn.Row(c, ScalarKind.Int, a => Date(a[0])?.Year));
        r.Add(["weekofyear", "week_of_year"], c => Fn.Row(c, ScalarKind.Int, a => Date(a[0]) is { } t ? ISOWeek.GetWeekOfYear(t) : null));
        r.Add("make_datetime", c => Fn.Row(c, ScalarKind.DateTime, MakeDateTime));
        r.Add("make_timespan", c => Fn.Row(c, ScalarKind.TimeSpan, MakeTimeSpan));
        r.Add("format_datetime", c => Fn.Row(c, ScalarKind.String, a => Date(a[0]) is { } t ? FormatDateTime(t, Fn.Str(a[1])) : ""));
        r.Add("format_timespan", c => Fn.Row(c, ScalarKind.String, a => a[0] is TimeSpan t ? FormatTimeSpan(t, Fn.Str(a[1])) : ""));
        r.Add("unixtime_seconds_todatetime", c => Unix(c, TimeSpan.TicksPerSecond));
        r.Add("unixtime_milliseconds_todatetime", c => Unix(c, TimeSpan.TicksPerMillisecond));
        r.Add("unixtime_microseconds_todatetime", c => Unix(c, 10));
        r.Add("unixtime_nanoseconds_todatetime", c => Unix(c, 0.01));
        r.Add("datetime_utc_to_local", c => Fn.Row(c, ScalarKind.DateTime, a => Date(a[0]) is { } t && Zone(Fn.Str(a[1])) is { } z ? TimeZoneInfo.ConvertTimeFromUtc(t, z) : null));
        r.Add("datetime_local_to_utc", c => Fn.Row(c, ScalarKind.DateTime, a => Date(a[0]) is { } t && Zone(Fn.Str(a[1])) is { } z
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), z) : null));
    }

    private static DateTime? Date(object? value) => value as DateTime? ?? (Values.ToDateTimeTicks(value) is { } t ? new DateTime(t, DateTimeKind.Utc) : null);

    private static TimeZoneInfo? Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// ingestion_time(): when the row reached the workspace. Log Analytics keeps it in _TimeReceived; a sample event
    /// without one (the column missing, or null in that row) is taken to have arrived when it was generated
    /// (TimeGenerated, zero latency), so tests can give late rows an arrival time and leave the others alone.
    /// </summary>
    private static ScalarExpr IngestionTime(FunctionCall call)
    {
        var columns = new[] { "_TimeReceived", "TimeGenerated" }
            .Select(name => (Name: name, Index: call.Row.Schema.IndexOf(name)))
            .Where(c => c.Index >= 0)
            .Select(c => call.Context.Scalars.Coerce(new ColumnRefExpr(c.Index, call.Row.Schema[c.Index].Kind, c.Name), ScalarKind.DateTime))
            .ToArray();
        return columns.Length switch
        {
            0 => throw call.Unsupported("on rows without _TimeReceived or TimeGenerated"),
            1 => columns[0],
            _ => new RowFunctionExpr(ScalarKind.DateTime, columns, a => a[0] ?? a[1]),
        };
    }

    private static ScalarExpr Ago(FunctionCall call)
    {
        Fn.Arity(call, 1);
        var span = call.Arg(0, ScalarKind.TimeSpan);
        return new RunConstantExpr(ScalarKind.DateTime, run =>
            Values.ToTimeSpanTicks(span.ValueFor(run)) is { } ticks ? new DateTime(run.NowTicks - ticks, DateTimeKind.Utc) : null);
    }

    /// <summary>bin(value, size) / bin_at(value, size, fixed): round down to a multiple of size.</summary>
    private static ScalarExpr Bin(FunctionCall call, bool hasOrigin)
    {
        Fn.Arity(call, hasOrigin ? 3 : 2);
        var value = call.Arg(0);
        var size = call.Arg(1);
        var kind = call.ResultKind == ScalarKind.Dynamic ? value.Kind : call.ResultKind;
        if (kind.IsLongStorage() && size.IsConstant && (!hasOrigin || call.Arg(2).IsConstant))
        {
            var sizeTicks = Values.ToLong(size.ValueFor(null!));
            var origin = hasOrigin ? Values.ToLong(Values.ConvertTo(call.Arg(2).ValueFor(null!), kind)) ?? 0 : 0;
            if (sizeTicks is > 0)
            {
                return new LongBinExpr(call.Context.Scalars.Coerce(value, kind), sizeTicks.Value, origin);
            }
        }
        return Fn.Row(call, kind, a =>
        {
            var origin = hasOrigin ? a[2] : null;
            return (a[0], a[1]) switch
            {
                (null, _) or (_, null) => null,
                (DateTime t, TimeSpan s) when s.Ticks > 0 => new DateTime(FloorTicks(t.Ticks, s.Ticks, origin is DateTime o ? o.Ticks : 0), DateTimeKind.Utc),
                (TimeSpan t, TimeSpan s) when s.Ticks > 0 => new TimeSpan(FloorTicks(t.Ticks, s.Ticks, origin is TimeSpan o ? o.Ticks : 0)),
                (var v, var s) when Fn.Real(s) is { } step && step > 0 && Fn.Real(v) is { } x =>
                    BinNumber(x, step, Fn.Real(origin) ?? 0, kind),
                _ => null,
            };
        });
    }

    private static long FloorTicks(long value, long size, long origin) => LongBinExpr.Floor(value - origin, size) + origin;

    private static object? BinNumber(double value, double step, double origin, ScalarKind kind)
    {
        var result = (Math.Floor((value - origin) / step) * step) + origin;
        return kind == ScalarKind.Real ? result : Values.ConvertTo(result, kind);
    }

    /// <summary>startof*/endof*(date[, offset]): the boundary containing the date, moved by offset units.</summary>
    private static ScalarExpr Boundary(FunctionCall call, Func<DateTime, long, DateTime> boundary) =>
        Fn.Row(call, ScalarKind.DateTime, a => Date(a[0]) is { } t ? SafeDate(() => boundary(t, a.Length > 1 ? Fn.Long(a[1]) ?? 0 : 0)) : null);

    private static DateTime? SafeDate(Func<DateTime> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateTime? Add(string part, long amount, DateTime t) => SafeDate(() => part.ToLowerInvariant() switch
    {
        "year" => t.AddYears((int)amount),
        "quarter" => t.AddMonths((int)amount * 3),
        "month" => t.AddMonths((int)amount),
        "week" => t.AddDays(7 * amount),
        "day" => t.AddDays(amount),
        "hour" => t.AddHours(amount),
        "minute" => t.AddMinutes(amount),
        "second" => t.AddSeconds(amount),
        "millisecond" => t.AddTicks(amount * TimeSpan.TicksPerMillisecond),
        "microsecond" => t.AddTicks(amount * 10),
        "nanosecond" => t.AddTicks(amount / 100),
        _ => throw new EngineRuntimeException($"datetime_add: unknown period '{part}'"),
    });

    /// <summary>datetime_diff(period, a, b): the number of period boundaries between b and a (a - b).</summary>
    private static long Diff(string part, DateTime a, DateTime b) => part.ToLowerInvariant() switch
    {
        "year" => a.Year - b.Year,
        "quarter" => ((a.Year * 4) + ((a.Month - 1) / 3)) - ((b.Year * 4) + ((b.Month - 1) / 3)),
        "month" => ((a.Year * 12) + a.Month) - ((b.Year * 12) + b.Month),
        "week" => (a.Date.AddDays(-(int)a.DayOfWeek) - b.Date.AddDays(-(int)b.DayOfWeek)).Days / 7,
        "day" => (a.Date - b.Date).Days,
        "hour" => Truncated(a, TimeSpan.TicksPerHour) - Truncated(b, TimeSpan.TicksPerHour),
        "minute" => Truncated(a, TimeSpan.TicksPerMinute) - Truncated(b, TimeSpan.TicksPerMinute),
        "second" => Truncated(a, TimeSpan.TicksPerSecond) - Truncated(b, TimeSpan.TicksPerSecond),
        "millisecond" => Truncated(a, TimeSpan.TicksPerMillisecond) - Truncated(b, TimeSpan.TicksPerMillisecond),
        "microsecond" => Truncated(a, 10) - Truncated(b, 10),
        "nanosecond" => (a.Ticks - b.Ticks) * 100,
        _ => throw new EngineRuntimeException($"datetime_diff: unknown period '{part}'"),
    };

    private static long Truncated(DateTime t, long unit) => t.Ticks / unit;

    private static int? Part(string part, DateTime t) => part.ToLowerInvariant() switch
    {
        "year" => t.Year,
        "quarter" => ((t.Month - 1) / 3) + 1,
        "month" => t.Month,
        "week_of_year" or "weekofyear" => ISOWeek.GetWeekOfYear(t),
        "day" => t.Day,
        "dayofyear" => t.DayOfYear,
        "hour" => t.Hour,
        "minute" => t.Minute,
        "second" => t.Second,
        "millisecond" => t.Millisecond,
        "microsecond" => (int)(t.Ticks % TimeSpan.TicksPerSecond / 10),
        "nanosecond" => (int)(t.Ticks % TimeSpan.TicksPerSecond * 100),
        _ => throw new EngineRuntimeException($"datetime_part: unknown part '{part}'"),
    };

    private static object? MakeDateTime(object?[] a)
    {
        var parts = a.Select(Fn.Real).ToArray();
        if (parts.Take(3).Any(p => p is null))
        {
            return null;
        }
        var seconds = parts.Length > 5 ? parts[5] ?? 0 : 0;
        return SafeDate(() => new DateTime((int)parts[0]!, (int)parts[1]!, (int)parts[2]!,
            parts.Length > 3 ? (int)(parts[3] ?? 0) : 0, parts.Length > 4 ? (int)(parts[4] ?? 0) : 0, 0, DateTimeKind.Utc)
            .AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
    }

    private static object? MakeTimeSpan(object?[] a)
    {
        var p = a.Select(v => Fn.Real(v) ?? 0).ToArray();
        return p.Length switch
        {
            2 => TimeSpan.FromHours(p[0]) + TimeSpan.FromMinutes(p[1]),
            3 => TimeSpan.FromHours(p[0]) + TimeSpan.FromMinutes(p[1]) + TimeSpan.FromSeconds(p[2]),
            4 => TimeSpan.FromDays(p[0]) + TimeSpan.FromHours(p[1]) + TimeSpan.FromMinutes(p[2]) + TimeSpan.FromSeconds(p[3]),
            _ => null,
        };
    }

    private static ScalarExpr Unix(FunctionCall call, double ticksPerUnit) =>
        Fn.Row(call, ScalarKind.DateTime, a => Fn.Real(a[0]) is { } v && Math.Abs(v * ticksPerUnit) < 2.5e18
            ? new DateTime(DateTime.UnixEpoch.Ticks + (long)Math.Round(v * ticksPerUnit), DateTimeKind.Utc)
            : null);

    /// <summary>format_datetime: Kusto's specifiers (yyyy, MM, dd, HH, hh, mm, ss, f..., tt) match .NET custom formats.</summary>
    private static string FormatDateTime(DateTime value, string format)
    {
        try
        {
            return value.ToString(format.Length == 1 ? "%" + format : format, Invariant);
        }
        catch (FormatException)
        {
            return "";
        }
    }

    /// <summary>format_timespan: d, h, hh, m, mm, s, ss, f... with separators as literals.</summary>
    private static string FormatTimeSpan(TimeSpan value, string format)
    {
        var escaped = new System.Text.StringBuilder();
        foreach (var ch in format)
        {
            escaped.Append(char.IsLetter(ch) ? ch.ToString() : "\\" + ch);
        }
        try
        {
            return (value < TimeSpan.Zero ? "-" : "") + value.Duration().ToString(escaped.ToString(), Invariant);
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
