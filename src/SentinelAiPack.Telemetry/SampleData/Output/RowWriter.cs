using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Telemetry.SampleData.Output;

/// <summary>
/// Writes the rows of one table as JSON Lines. Every value is checked against the table schema (a generator bug,
/// not user input, if it fails). Null and empty values are left out: an absent column reads as null / empty.
/// </summary>
public sealed class RowWriter : IDisposable
{
    private readonly TableSchema _schema;
    private readonly Dictionary<string, string> _types;
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly string _workspaceId;
    private bool _open;

    internal RowWriter(TableSchema schema, Stream stream, string workspaceId)
    {
        _schema = schema;
        _types = schema.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
        _workspaceId = workspaceId;
    }

    public string Table => _schema.Name;

    public long Rows { get; private set; }

    internal RowWriter Begin(DateTime timeGenerated)
    {
        if (_open)
        {
            throw new InvalidOperationException($"{Table}: previous row not finished");
        }

        _open = true;
        _json.WriteStartObject();
        return Time("TimeGenerated", timeGenerated);
    }

    public RowWriter Str(string column, string? value)
    {
        Check(column, "string", "guid");
        if (!string.IsNullOrEmpty(value))
        {
            _json.WriteString(column, value);
        }

        return this;
    }

    public RowWriter Int(string column, int? value)
    {
        Check(column, "int", "long", "real");
        if (value is { } v)
        {
            _json.WriteNumber(column, v);
        }

        return this;
    }

    public RowWriter Long(string column, long? value)
    {
        Check(column, "long", "real");
        if (value is { } v)
        {
            _json.WriteNumber(column, v);
        }

        return this;
    }

    /// <summary>Writes a real rounded to <paramref name="decimals"/> places (rounding keeps the text stable).</summary>
    public RowWriter Real(string column, double? value, int decimals = 3)
    {
        Check(column, "real");
        if (value is { } v)
        {
            _json.WriteNumber(column, Math.Round(v, decimals, MidpointRounding.ToEven));
        }

        return this;
    }

    public RowWriter Bool(string column, bool? value)
    {
        Check(column, "bool");
        if (value is { } v)
        {
            _json.WriteBoolean(column, v);
        }

        return this;
    }

    public RowWriter Time(string column, DateTime? value)
    {
        Check(column, "datetime");
        if (value is { } v)
        {
            _json.WriteString(column, Format(v));
        }

        return this;
    }

    /// <summary>A dynamic column: the JSON value itself.</summary>
    public RowWriter Dyn(string column, JsonNode? value)
    {
        Check(column, "dynamic");
        if (value is not null)
        {
            _json.WritePropertyName(column);
            value.WriteTo(_json);
        }

        return this;
    }

    /// <summary>A string column that holds JSON text (e.g. properties_s, Entities, RequestParameters).</summary>
    public RowWriter JsonText(string column, JsonNode? value)
    {
        Check(column, "string");
        if (value is not null)
        {
            _json.WriteString(column, value.ToJsonString());
        }

        return this;
    }

    /// <summary>Finishes the row; the standard columns Type, TenantId and SourceSystem are filled when the table has them.</summary>
    public void End()
    {
        if (_types.ContainsKey("TenantId"))
        {
            _json.WriteString("TenantId", _workspaceId);
        }

        if (_types.ContainsKey("SourceSystem") && !Table.EndsWith("_CL", StringComparison.Ordinal))
        {
            _json.WriteString("SourceSystem", "Azure");
        }

        if (_types.ContainsKey("Type"))
        {
            _json.WriteString("Type", Table);
        }

        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
        _open = false;
        Rows++;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }

    public static string Format(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Check(string column, params string[] accepted)
    {
        if (!_types.TryGetValue(column, out var type))
        {
            throw new InvalidOperationException($"{Table} has no column '{column}'");
        }

        if (Array.IndexOf(accepted, type) < 0)
        {
            throw new InvalidOperationException($"{Table}.{column} is {type}, not {string.Join("/", accepted)}");
        }
    }
}
