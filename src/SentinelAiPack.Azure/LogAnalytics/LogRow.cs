using System.Globalization;
using System.Text.Json;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// One row. Values stay as the JSON the API sent; the getters convert by the column's KQL type and throw a
/// <see cref="FormatException"/> naming the column when a value does not fit.
/// </summary>
public sealed class LogRow
{
    private readonly IReadOnlyList<LogColumn> _columns;
    private readonly JsonElement[] _values;

    internal LogRow(IReadOnlyList<LogColumn> columns, JsonElement[] values)
    {
        _columns = columns;
        _values = values;
    }

    /// <summary>Number of values.</summary>
    public int Count => _values.Length;

    /// <summary>Raw JSON value by ordinal.</summary>
    public JsonElement this[int ordinal] => _values[ordinal];

    /// <summary>Raw JSON value by column name.</summary>
    public JsonElement this[string column] => _values[Ordinal(column)];

    /// <summary>True when the value is JSON null (KQL null).</summary>
    public bool IsNull(string column) => this[column].ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Value as text (numbers and booleans are rendered invariantly); null for KQL null.</summary>
    public string? GetString(string column)
    {
        var value = this[column];
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }

    /// <summary>A <c>long</c>/<c>int</c> value.</summary>
    public long? GetInt64(string column) => Convert(column, v => v.ValueKind == JsonValueKind.Number
        ? v.GetInt64()
        : long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>A <c>real</c>/<c>decimal</c> value (the API writes NaN and infinities as strings).</summary>
    public double? GetDouble(string column) => Convert(column, v => v.ValueKind == JsonValueKind.Number
        ? v.GetDouble()
        : double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>A <c>bool</c> value.</summary>
    public bool? GetBoolean(string column) => Convert(column, v => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => v.GetInt64() != 0,
        _ => bool.Parse(v.GetString()!),
    });

    /// <summary>A <c>datetime</c> value (ISO 8601, UTC).</summary>
    public DateTimeOffset? GetDateTimeOffset(string column) => Convert(column, v =>
        DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));

    /// <summary>A <c>timespan</c> value (<c>[-][d.]hh:mm:ss[.fffffff]</c>).</summary>
    public TimeSpan? GetTimeSpan(string column) => Convert(column, v => TimeSpan.Parse(v.GetString()!, CultureInfo.InvariantCulture));

    /// <summary>A <c>guid</c> value.</summary>
    public Guid? GetGuid(string column) => Convert(column, v => Guid.Parse(v.GetString()!));

    /// <summary>A <c>dynamic</c> value. The API sends dynamic values as JSON text; this parses it.</summary>
    public JsonElement? GetDynamic(string column) => Convert(column, v =>
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            return v;
        }

        using var document = JsonDocument.Parse(v.GetString()!);
        return document.RootElement.Clone();
    });

    private T? Convert<T>(string column, Func<JsonElement, T> read)
        where T : struct
    {
        var value = this[column];
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        try
        {
            return read(value);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or JsonException or ArgumentNullException)
        {
            throw new FormatException($"Column '{column}' value {Shorten(value.GetRawText())} is not a {typeof(T).Name}.", ex);
        }
    }

    private int Ordinal(string column)
    {
        var index = -1;
        for (var i = 0; i < _columns.Count; i++)
        {
            if (string.Equals(_columns[i].Name, column, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0 || index >= _values.Length)
        {
            throw new KeyNotFoundException($"The result has no column '{column}' (columns: {string.Join(", ", _columns.Select(c => c.Name))}).");
        }

        return index;
    }

    private static string Shorten(string raw) => raw.Length > 60 ? raw[..60] + "…" : raw;
}
