using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.LogAnalytics;

/// <summary>
/// The Log Analytics query API: <c>POST /v1/workspaces/{id}/query</c> with <c>{query, timespan}</c>.
/// Answers <c>tables</c>; the documented 400 BadArgumentError for bad queries; the documented empty 200 when the
/// Content-Type or body is missing; <c>['T'] | getschema</c> from <see cref="Tables"/> (missing tables give the 400
/// with innermost SEM0100). Any other query goes to the pluggable executor, so a later helper can plug in the local
/// KQL engine. A token for another audience gets the documented 403 InvalidAuthenticationTokenAudience.
/// </summary>
public sealed partial class FakeLogAnalytics : IFakeAzureApi
{
    private readonly Func<string, string?, QueryResult> _executor;

    /// <summary>Creates the fake; without an executor every non-getschema query answers an empty PrimaryResult.</summary>
    public FakeLogAnalytics(Func<string, string?, QueryResult>? executor = null)
    {
        _executor = executor ?? ((_, _) => QueryResult.Single([], []));
    }

    /// <inheritdoc />
    public string ExpectedAudience => "https://api.loganalytics.io";

    /// <summary>Tables known to getschema: name → columns (name, KQL type).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<(string Name, string Type)>> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Every query received: workspace id, query text, timespan.</summary>
    public ConcurrentQueue<(string WorkspaceId, string Query, string? Timespan)> Queries { get; } = new();

    /// <inheritdoc />
    public bool Matches(FakeRequest request) => QueryPath().IsMatch(request.Path);

    /// <inheritdoc />
    public FakeResponse WrongAudience(string? audience) => FakeResponse.Error(
        403,
        "InvalidAuthenticationTokenAudience",
        $"The access token has been obtained from wrong audience or resource '{audience}'. It should exactly match (including forward slash) with one of the allowed audiences '{ExpectedAudience}'.");

    /// <inheritdoc />
    public Task<FakeResponse> HandleAsync(FakeRequest request) => Task.FromResult(Handle(request));

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Method != "POST")
        {
            return FakeResponse.Error(404, "PathNotFoundError", "The requested path does not exist");
        }

        var body = request.Json();
        if (!request.IsJsonContent || body is not JsonObject json)
        {
            return FakeResponse.Empty(200);
        }

        var query = json["query"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return BadArgument("SyntaxError", "Query is missing");
        }

        var timespan = json["timespan"]?.GetValue<string>();
        var workspace = QueryPath().Match(request.Path).Groups["workspace"].Value;
        Queries.Enqueue((workspace, query, timespan));

        var schema = GetSchema().Match(query);
        if (schema.Success)
        {
            var table = schema.Groups["table"].Value;
            return Tables.TryGetValue(table, out var columns)
                ? FakeResponse.Json(200, SchemaOf(columns).ToJson())
                : MissingTable(table);
        }

        try
        {
            return FakeResponse.Json(200, _executor(query, timespan).ToJson());
        }
        catch (FakeQueryException ex)
        {
            return BadArgument(ex.InnerCode, ex.Message);
        }
    }

    private static QueryResult SchemaOf(IReadOnlyList<(string Name, string Type)> columns) => QueryResult.Single(
        [("ColumnName", "string"), ("ColumnOrdinal", "int"), ("DataType", "string"), ("ColumnType", "string")],
        columns.Select((c, i) => new object?[] { c.Name, i, DotNetType(c.Type), c.Type }));

    private static FakeResponse MissingTable(string table) => FakeResponse.Error(
        400,
        "BadArgumentError",
        "The request had some invalid properties",
        new JsonObject
        {
            ["code"] = "SemanticError",
            ["message"] = "A semantic error occurred.",
            ["innererror"] = new JsonObject
            {
                ["code"] = "SEM0100",
                ["message"] = $"'getschema' operator: Failed to resolve table expression named '{table}'",
            },
        });

    private static FakeResponse BadArgument(string innerCode, string message) => FakeResponse.Error(
        400,
        "BadArgumentError",
        "The request had some invalid properties",
        new JsonObject { ["code"] = innerCode, ["message"] = message });

    private static string DotNetType(string kqlType) => kqlType switch
    {
        "string" => "System.String",
        "long" => "System.Int64",
        "int" => "System.Int32",
        "real" => "System.Double",
        "bool" => "System.SByte",
        "datetime" => "System.DateTime",
        "timespan" => "System.TimeSpan",
        "guid" => "System.Guid",
        "decimal" => "System.Data.SqlTypes.SqlDecimal",
        _ => "System.Object",
    };

    [GeneratedRegex("^/v1/workspaces/(?<workspace>[^/]+)/query$")]
    private static partial Regex QueryPath();

    [GeneratedRegex(@"^\s*(?:\['(?<table>[^']+)'\]|(?<table>[A-Za-z_][A-Za-z0-9_]*))\s*\|\s*getschema\s*$")]
    private static partial Regex GetSchema();
}
