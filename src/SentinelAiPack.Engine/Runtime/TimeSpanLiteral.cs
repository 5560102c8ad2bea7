using System.Globalization;

namespace SentinelAiPack.Engine.Runtime;

/// <summary>Kusto timespan literal suffixes: <c>2d</c>, <c>1.5h</c>, <c>30m</c>, <c>10s</c>, <c>100ms</c>, <c>5microseconds</c>, <c>10tick</c>.</summary>
public static class TimeSpanLiteral
{
    private static readonly (string Suffix, double TicksPerUnit)[] Units =
    [
        ("microseconds", 10), ("microsecond", 10), ("milliseconds", TimeSpan.TicksPerMillisecond),
        ("millisecond", TimeSpan.TicksPerMillisecond), ("nanoseconds", 0.01), ("nanosecond", 0.01),
        ("seconds", TimeSpan.TicksPerSecond), ("second", TimeSpan.TicksPerSecond), ("minutes", TimeSpan.TicksPerMinute),
        ("minute", TimeSpan.TicksPerMinute), ("hours", TimeSpan.TicksPerHour), ("hour", TimeSpan.TicksPerHour),
        ("days", TimeSpan.TicksPerDay), ("day", TimeSpan.TicksPerDay), ("ticks", 1), ("tick", 1),
        ("micro", 10), ("milli", TimeSpan.TicksPerMillisecond), ("nano", 0.01),
        ("ms", TimeSpan.TicksPerMillisecond), ("d", TimeSpan.TicksPerDay), ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute), ("s", TimeSpan.TicksPerSecond),
    ];

    public static bool TryParse(string text, out long ticks)
    {
        ticks = 0;
        var t = text.Trim();
        foreach (var (suffix, perUnit) in Units)
        {
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(t.AsSpan(0, t.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                ticks = (long)Math.Round(amount * perUnit);
                return true;
            }
        }
        return false;
    }
}
