using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// Runs KQL against a Log Analytics workspace.
/// Contract (learn.microsoft.com/rest/api/loganalytics/dataaccess/query/execute and
/// learn.microsoft.com/azure/azure-monitor/logs/api/response-format, /errors):
/// <c>POST {endpoint}/v1/workspaces/{workspaceId}/query</c>, JSON body <c>{query, timespan}</c>,
/// scope <c>https://api.loganalytics.io/.default</c>. 200 carries <c>tables[{name, columns[{name,type}], rows[[…]]}]</c>
/// and, for non-fatal failures, an <c>error</c> with code PartialError; 204 means the workspace has no data;
/// failures carry <c>{error:{code,message,innererror}}</c>.
/// The API accepts no query parameters: bind values with <see cref="KqlParameters"/>.
/// </summary>
public sealed class LogAnalyticsQueryClient : IDisposable
{
    private const string Operation = "Log Analytics query";
    private readonly AzureRestTransport _transport;

    /// <summary>Creates a client that asks <paramref name="credential"/> for the Log Analytics scope.</summary>
    public LogAnalyticsQueryClient(TokenCredential credential, AzureClientOptions? options = null)
    {
        options ??= new AzureClientOptions();
        _transport = new AzureRestTransport(credential, options.LogAnalyticsScope, options);
    }

    /// <summary>Runs <paramref name="queryBody"/> with <paramref name="parameters"/> bound in a let prolog.</summary>
    /// <param name="workspaceId">Workspace (customer) id, a GUID.</param>
    /// <param name="queryBody">KQL written by us; untrusted values go in <paramref name="parameters"/>.</param>
    /// <param name="parameters">Values the query refers to by name; null for none.</param>
    /// <param name="timeRange">Documented <c>timespan</c>; null queries all retained data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<LogQueryResult> QueryAsync(
        string workspaceId,
        string queryBody,
        KqlParameters? parameters = null,
        LogQueryTimeRange? timeRange = null,
        CancellationToken cancellationToken = default)
    {
        var workspace = UriPaths.Segment(workspaceId, nameof(workspaceId), UriPaths.Guid());
        ArgumentException.ThrowIfNullOrWhiteSpace(queryBody);
        var body = new JsonObject { ["query"] = parameters is null ? queryBody : parameters.Apply(queryBody) };
        if (timeRange is { } range)
        {
            body["timespan"] = range.Value;
        }

        var uri = UriPaths.Combine(_transport.Options.LogAnalyticsEndpoint, $"v1/workspaces/{workspace}/query");
        var response = await _transport.SendAsync(HttpMethod.Post, uri, AzureRestTransport.JsonBody(body.ToJsonString()), Operation, cancellationToken)
            .ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return LogQueryResult.Empty;
        }

        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, Operation);
        }

        var result = Read(response);
        if (result.PartialError is not null && !_transport.Options.AllowPartialQueryResults)
        {
            throw new LogQueryPartialException(Operation, result);
        }

        return result;
    }

    private static LogQueryResult Read(AzureRestResponse response)
    {
        using var document = AzureRestTransport.ParseJson(response, Operation);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Array)
        {
            throw new AzureResponseFormatException(Operation, response.StatusCode, "no 'tables' array");
        }

        var detached = tables.Clone();
        var list = new List<LogTable>();
        foreach (var table in detached.EnumerateArray())
        {
            list.Add(ReadTable(table, response.StatusCode));
        }

        AzureErrorDetail? partial = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? AzureErrorParser.Read(error, 0)
            : null;
        return new LogQueryResult(list, partial);
    }

    private static LogTable ReadTable(JsonElement table, HttpStatusCode status)
    {
        if (table.ValueKind != JsonValueKind.Object
            || !table.TryGetProperty("columns", out var columnsNode) || columnsNode.ValueKind != JsonValueKind.Array
            || !table.TryGetProperty("rows", out var rowsNode) || rowsNode.ValueKind != JsonValueKind.Array)
        {
            throw new AzureResponseFormatException(Operation, status, "a table lacks 'columns' or 'rows'");
        }

        var name = table.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "PrimaryResult";
        var columns = columnsNode.EnumerateArray().Select(c => new LogColumn(
            c.TryGetProperty("name", out var cn) && cn.ValueKind == JsonValueKind.String ? cn.GetString()! : throw new AzureResponseFormatException(Operation, status, "a column has no name"),
            c.TryGetProperty("type", out var ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString()! : "dynamic")).ToList();

        var rows = new List<LogRow>();
        foreach (var row in rowsNode.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != columns.Count)
            {
                throw new AzureResponseFormatException(Operation, status, $"row {rows.Count} of table '{name}' does not have {columns.Count} values");
            }

            rows.Add(new LogRow(columns, row.EnumerateArray().ToArray()));
        }

        return new LogTable(name, columns, rows);
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();
}
