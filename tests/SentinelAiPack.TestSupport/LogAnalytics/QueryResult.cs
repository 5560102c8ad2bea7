using System.Text.Json.Nodes;

namespace SentinelAiPack.TestSupport.LogAnalytics;

/// <summary>
/// What a query executor returns: tables in the API's wire shape, and optionally a partial error (sent with 200,
/// as the service does for non-fatal failures).
/// </summary>
public sealed class QueryResult
{
    /// <summary>Result tables; the first is "PrimaryResult".</summary>
    public List<QueryTable> Tables { get; } = [];

    /// <summary>When set, the answer carries <c>error: {code: "PartialError", message, details}</c>.</summary>
    public string? PartialErrorMessage { get; set; }

    /// <summary>Adds a table.</summary>
    public QueryResult AddTable(string name, IEnumerable<(string Name, string Type)> columns, IEnumerable<object?[]> rows)
    {
        Tables.Add(new QueryTable(name, columns.ToList(), rows.ToList()));
        return this;
    }

    /// <summary>A result with one table named PrimaryResult.</summary>
    public static QueryResult Single(IEnumerable<(string Name, string Type)> columns, IEnumerable<object?[]> rows) =>
        new QueryResult().AddTable("PrimaryResult", columns, rows);

    internal JsonObject ToJson()
    {
        var tables = new JsonArray();
        foreach (var table in Tables)
        {
            var columns = new JsonArray(table.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray());
            var rows = new JsonArray(table.Rows.Select(r => (JsonNode)new JsonArray(r.Select(JsonValueOf).ToArray())).ToArray());
            tables.Add(new JsonObject { ["name"] = table.Name, ["columns"] = columns, ["rows"] = rows });
        }

        var root = new JsonObject { ["tables"] = tables };
        if (PartialErrorMessage is not null)
        {
            root["error"] = new JsonObject
            {
                ["code"] = "PartialError",
                ["message"] = "There were some errors when processing your query.",
                ["details"] = new JsonArray(new JsonObject { ["code"] = "EvaluationError", ["message"] = PartialErrorMessage }),
            };
        }

        return root;
    }

    // The API writes datetimes as ISO strings and dynamic values as JSON text.
    private static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => JsonValue.Create(d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        DateTime d => JsonValue.Create(d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan t => JsonValue.Create(t.ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString()),
        JsonNode node => JsonValue.Create(node.ToJsonString()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double f => JsonValue.Create(f),
        _ => JsonValue.Create(value.ToString()),
    };
}

/// <summary>One table of a <see cref="QueryResult"/>.</summary>
public sealed record QueryTable(string Name, IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Thrown by an executor for a query the engine rejects; the fake answers the documented 400.</summary>
public sealed class FakeQueryException : Exception
{
    /// <summary>Creates the exception; <paramref name="innerCode"/> is SyntaxError or SemanticError.</summary>
    public FakeQueryException(string innerCode, string message)
        : base(message)
    {
        InnerCode = innerCode;
    }

    /// <summary>The innererror code.</summary>
    public string InnerCode { get; }
}
