using System.Globalization;

namespace SentinelAiPack.Benchmarks.Harness;

/// <summary>Medians for the harness reports: robust to the outliers a shared machine produces.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"median (min–max)" with <paramref name="format"/>.</summary>
    public static string Summary(IReadOnlyList<double> values, string format = "0") =>
        $"{Text(Median(values), format)} ({Text(values.Min(), format)}–{Text(values.Max(), format)})";

    private static string Text(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
