using System.Globalization;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>Short duration text for reports: 15m, 1h, 14d, 90s.</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return ((long)span.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        }
        if (span.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        }
        if (span.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
        }
        return span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
