using System.Globalization;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>A chart ready for Chart.js: category labels and one numeric series per dataset.</summary>
public sealed record ChartModel(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked);

public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// Turns a query result into the chart the workbook would draw, the way workbook charts read results: time charts put
/// the first datetime column on the x axis and split series by the first text column (else one series per numeric
/// column); bar charts use the first text column as categories and a second text column as stacked series; pie charts
/// the first text column and the first numeric column.
/// </summary>
public static class ChartShaper
{
    /// <summary>Series beyond this many (by total) are folded into "other".</summary>
    public const int MaxSeries = 8;

    public static ChartModel? Shape(Visualization visualization, TileData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = data.Columns.Select((c, i) => (Column: c, Index: i)).ToList();
        var numeric = columns.Where(c => c.Column.IsNumeric).ToList();
        var text = columns.Where(c => !c.Column.IsNumeric && !c.Column.IsDateTime).ToList();
        if (numeric.Count == 0)
        {
            return null;
        }
        switch (visualization)
        {
            case Visualization.TimeChart:
                var time = columns.FirstOrDefault(c => c.Column.IsDateTime);
                if (time.Column is null)
                {
                    return null;
                }
                return text.Count > 0
                    ? Pivot("line", data, time.Index, text[0].Index, numeric[0].Index, FormatTime, sortLabels: true, stacked: false)
                    : PerColumn("line", data, time.Index, numeric, FormatTime);
            case Visualization.BarChart:
                if (text.Count == 0)
                {
                    return null;
                }
                return text.Count > 1
                    ? Pivot("bar", data, text[0].Index, text[1].Index, numeric[0].Index, Format, sortLabels: false, stacked: true)
                    : PerColumn("bar", data, text[0].Index, numeric.Take(1).ToList(), Format);
            case Visualization.PieChart:
                return text.Count == 0 ? null : PerColumn("pie", data, text[0].Index, numeric.Take(1).ToList(), Format);
            default:
                return null;
        }
    }

    private static ChartModel PerColumn(string type, TileData data, int labelIndex, IReadOnlyList<(ResultColumn Column, int Index)> values, Func<object?, string> label)
    {
        var rows = data.Rows;
        if (type == "line")
        {
            // One point per time bucket, empty buckets included, so the x axis stays proportional to time.
            var times = TimeAxis(rows.Select(r => r[labelIndex]));
            var byTime = rows.GroupBy(r => label(r[labelIndex]), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var axis = times.Select(label).ToList();
            return new ChartModel(type, axis, values.Select(v => new ChartSeries(v.Column.Name,
                axis.Select(l => byTime.TryGetValue(l, out var at) ? Sum(at.Select(r => ToDouble(r[v.Index]))) : null).ToList())).ToList(), Stacked: false);
        }
        var labels = rows.Select(r => label(r[labelIndex])).ToList();
        var series = values.Select(v => new ChartSeries(v.Column.Name, rows.Select(r => ToDouble(r[v.Index])).ToList())).ToList();
        return new ChartModel(type, labels, series, Stacked: false);
    }

    private static ChartModel Pivot(string type, TileData data, int labelIndex, int seriesIndex, int valueIndex, Func<object?, string> label, bool sortLabels, bool stacked)
    {
        var keys = data.Rows.Select(r => r[labelIndex]).Distinct().ToList();
        if (sortLabels)
        {
            keys = TimeAxis(keys);
        }
        var labels = keys.Select(label).ToList();
        var position = keys.Select((k, i) => (k, i)).ToDictionary(x => label(x.k), x => x.i, StringComparer.Ordinal);
        var totals = data.Rows.GroupBy(r => Format(r[seriesIndex]), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Total: g.Sum(r => ToDouble(r[valueIndex]) ?? 0), Rows: g.ToList()))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var series = new List<ChartSeries>();
        var other = new double?[labels.Count];
        for (var s = 0; s < totals.Count; s++)
        {
            var values = s < MaxSeries ? new double?[labels.Count] : other;
            foreach (var row in totals[s].Rows)
            {
                var at = position[label(row[labelIndex])];
                values[at] = (values[at] ?? 0) + (ToDouble(row[valueIndex]) ?? 0);
            }
            if (s < MaxSeries)
            {
                series.Add(new ChartSeries(totals[s].Name, values));
            }
        }
        if (totals.Count > MaxSeries)
        {
            series.Add(new ChartSeries("other", other));
        }
        return new ChartModel(type, labels, series, stacked);
    }

    /// <summary>Longest time axis drawn with empty buckets filled in; a longer one keeps only the buckets with data.</summary>
    public const int MaxTimeBuckets = 1000;

    /// <summary>
    /// The distinct times in order, with the buckets between them that have no row added (the bucket size is the
    /// smallest gap between two times), as the workbook's time axis shows them.
    /// </summary>
    public static List<object?> TimeAxis(IEnumerable<object?> values)
    {
        var times = values.OfType<DateTime>().Distinct().Order().ToList();
        var others = values.Where(v => v is not DateTime).Distinct().ToList();
        if (times.Count < 3)
        {
            return [.. times.Cast<object?>(), .. others];
        }
        var step = times.Zip(times.Skip(1), (a, b) => b - a).Min();
        var buckets = (times[^1] - times[0]).Ticks / step.Ticks + 1;
        var aligned = times.All(t => (t - times[0]).Ticks % step.Ticks == 0);
        if (!aligned || buckets > MaxTimeBuckets)
        {
            return [.. times.Cast<object?>(), .. others];
        }
        return [.. Enumerable.Range(0, (int)buckets).Select(i => (object?)(times[0] + (step * i))), .. others];
    }

    private static double? Sum(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).ToList();
        return present.Count == 0 ? null : present.Sum();
    }

    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? d : null,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        _ => double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
    };

    /// <summary>How a cell reads in the page (dates in UTC ISO form, numbers invariant).</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatTime(object? value) =>
        value is DateTime t ? t.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : Format(value);
}
