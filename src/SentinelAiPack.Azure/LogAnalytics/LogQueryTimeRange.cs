using System.Globalization;
using System.Xml;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// The documented <c>timespan</c> of a query: an ISO 8601 duration (<c>PT12H</c>) or a start/end pair
/// (<c>start/end</c>). It is applied in addition to any time filter in the query text.
/// </summary>
public readonly record struct LogQueryTimeRange
{
    private LogQueryTimeRange(string value) => Value = value;

    /// <summary>The ISO 8601 text sent as <c>timespan</c>.</summary>
    public string Value { get; }

    /// <summary>The last <paramref name="duration"/> up to now.</summary>
    public static LogQueryTimeRange Last(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return new LogQueryTimeRange(XmlConvert.ToString(duration));
    }

    /// <summary>From <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static LogQueryTimeRange Between(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("The end must be after the start.", nameof(end));
        }

        return new LogQueryTimeRange($"{Iso(start)}/{Iso(end)}");
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Value;
}
