using System.Text.Json;
using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Enrichment.Queries;

/// <summary>
/// Tolerant reads of result rows: a column the workspace's parser version does not return, or a value of an unexpected
/// shape, reads as null instead of failing the whole enrichment.
/// </summary>
internal static class RowValues
{
    public static string? Str(this LogTable table, LogRow row, string column) =>
        table.IndexOf(column) < 0 ? null : Try(() => row.GetString(column));

    public static string Text(this LogTable table, LogRow row, string column) => table.Str(row, column) ?? string.Empty;

    public static long? Long(this LogTable table, LogRow row, string column) =>
        table.IndexOf(column) < 0 ? null : Try(() => row.GetInt64(column) ?? (row.GetDouble(column) is { } d && double.IsFinite(d) ? (long)d : null));

    public static double? Real(this LogTable table, LogRow row, string column) =>
        table.IndexOf(column) < 0 ? null : Try(() => row.GetDouble(column));

    public static bool? Bool(this LogTable table, LogRow row, string column) =>
        table.IndexOf(column) < 0 ? null : Try(() => row.GetBoolean(column));

    public static DateTimeOffset? Time(this LogTable table, LogRow row, string column) =>
        table.IndexOf(column) < 0 ? null : Try(() => row.GetDateTimeOffset(column));

    /// <summary>A JSON array of strings held as text (tostring(dynamic) in the query); empty when absent or not an array.</summary>
    public static IReadOnlyList<string> StringArray(this LogTable table, LogRow row, string column)
    {
        var text = table.Str(row, column);
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('['))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .Take(50)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static T? Try<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (FormatException)
        {
            return default;
        }
    }
}
