using System.Globalization;

namespace SentinelAiPack.Content.Model;

/// <summary>
/// Durations as Sentinel reads them in templates (queryFrequency, queryPeriod, suppressionDuration, lookbackDuration):
/// first a .NET time span (<c>01:00:00</c>, <c>1.00:00:00</c>), otherwise <c>&lt;integer&gt;&lt;m|h|d&gt;</c> (<c>5m</c>, <c>1h</c>, <c>14d</c>).
/// ISO 8601 durations (<c>PT1H</c>, <c>P1D</c>) as used in ARM are accepted too.
/// </summary>
public static class SentinelDuration
{
    public static bool TryParse(string? text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "is empty; expected a duration such as 5m, 1h or 14d";
            return false;
        }
        if (trimmed.Contains(':', StringComparison.Ordinal) &&
            TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        var unit = char.ToLowerInvariant(trimmed[^1]);
        var number = trimmed[..^1];
        if (unit is 'm' or 'h' or 'd' && number.Length is > 0 and <= 9 && number.All(char.IsAsciiDigit))
        {
            var amount = int.Parse(number, CultureInfo.InvariantCulture);
            value = unit switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }
        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try
            {
                value = System.Xml.XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
                return true;
            }
            catch (FormatException)
            {
                // Falls through to the error below.
            }
            catch (OverflowException)
            {
                // Falls through to the error below.
            }
        }
        error = $"'{trimmed}' is not a duration; expected <number><m|h|d> such as 5m, 1h or 14d (or hh:mm:ss)";
        return false;
    }

    /// <summary>Formats a span the short way Sentinel templates write it (14d, 1h, 5m), falling back to d.hh:mm:ss.</summary>
    public static string Format(TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{value.Ticks / TimeSpan.TicksPerDay}d";
        }
        if (value.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return $"{value.Ticks / TimeSpan.TicksPerHour}h";
        }
        if (value.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return $"{value.Ticks / TimeSpan.TicksPerMinute}m";
        }
        return value.ToString("c", CultureInfo.InvariantCulture);
    }
}
