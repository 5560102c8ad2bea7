using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.Sentinel;

/// <summary>
/// Sentinel incidents through ARM, api-version 2025-09-01 (learn.microsoft.com/rest/api/securityinsights/incidents,
/// /incident-comments): <c>GET …/incidents/{id}</c>; <c>POST …/incidents/{id}/alerts</c> → <c>{value:[…]}</c>;
/// <c>POST …/incidents/{id}/entities</c> → <c>{entities:[…], metaData:[…]}</c>;
/// <c>PUT …/incidents/{id}/comments/{commentId}</c> with <c>{properties:{message}}</c> → 201 created / 200 updated;
/// <c>PUT …/incidents/{id}</c> with the incident's <c>etag</c>: a stale etag is answered 409 Conflict ("Newer version of
/// resource … exists"), so updates re-read and retry. Comments are limited to 30,000 characters
/// (learn.microsoft.com/azure/sentinel/sentinel-service-limits).
/// </summary>
public sealed class SentinelIncidentsClient : IDisposable
{
    /// <summary>The api-version used for every call.</summary>
    public const string ApiVersion = "2025-09-01";

    /// <summary>Documented maximum length of one comment.</summary>
    public const int MaxCommentLength = 30_000;

    private const int MaxConflictRetries = 4;

    private readonly AzureRestTransport _transport;

    /// <summary>Creates a client that asks <paramref name="credential"/> for the management scope.</summary>
    public SentinelIncidentsClient(TokenCredential credential, AzureClientOptions? options = null)
    {
        options ??= new AzureClientOptions();
        _transport = new AzureRestTransport(credential, options.ManagementScope, options);
    }

    /// <summary>Reads an incident.</summary>
    public async Task<SentinelIncident> GetIncidentAsync(SentinelWorkspace workspace, string incidentId, CancellationToken cancellationToken = default)
    {
        const string operation = "Sentinel get incident";
        var response = await _transport.SendAsync(HttpMethod.Get, IncidentUri(workspace, incidentId, string.Empty), null, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        return ReadIncident(document.RootElement.Clone(), response.StatusCode, operation);
    }

    /// <summary>Lists the incident's alerts.</summary>
    public async Task<IReadOnlyList<SentinelAlert>> ListAlertsAsync(SentinelWorkspace workspace, string incidentId, CancellationToken cancellationToken = default)
    {
        const string operation = "Sentinel list incident alerts";
        var root = await PostForJsonAsync(IncidentUri(workspace, incidentId, "/alerts"), operation, cancellationToken).ConfigureAwait(false);
        return Array(root, "value", operation).Select(alert =>
        {
            var properties = Properties(alert);
            return new SentinelAlert(
                Text(alert, "name") ?? string.Empty,
                Text(properties, "alertDisplayName"),
                Text(properties, "severity"),
                Text(properties, "productName"),
                Text(properties, "alertType"),
                Text(properties, "description"),
                Date(properties, "timeGenerated"),
                properties);
        }).ToList();
    }

    /// <summary>Lists the incident's entities.</summary>
    public async Task<IReadOnlyList<SentinelEntity>> ListEntitiesAsync(SentinelWorkspace workspace, string incidentId, CancellationToken cancellationToken = default)
    {
        const string operation = "Sentinel list incident entities";
        var root = await PostForJsonAsync(IncidentUri(workspace, incidentId, "/entities"), operation, cancellationToken).ConfigureAwait(false);
        return Array(root, "entities", operation).Select(entity =>
        {
            var properties = Properties(entity);
            return new SentinelEntity(Text(entity, "name") ?? string.Empty, Text(entity, "kind") ?? "Unknown", Text(properties, "friendlyName"), properties);
        }).ToList();
    }

    /// <summary>
    /// Creates or replaces the comment <paramref name="commentId"/>. A retried enricher passes the same id and
    /// updates its comment instead of adding another one.
    /// </summary>
    public async Task<SentinelComment> UpsertCommentAsync(
        SentinelWorkspace workspace, string incidentId, string commentId, string message, CancellationToken cancellationToken = default)
    {
        const string operation = "Sentinel create-or-update incident comment";
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > MaxCommentLength)
        {
            throw new ArgumentException($"The comment has {message.Length} characters; Sentinel accepts at most {MaxCommentLength}.", nameof(message));
        }

        var comment = UriPaths.Segment(commentId, nameof(commentId), UriPaths.ResourceName());
        var body = new JsonObject { ["properties"] = new JsonObject { ["message"] = message } }.ToJsonString();
        var response = await _transport.SendAsync(
            HttpMethod.Put, IncidentUri(workspace, incidentId, $"/comments/{comment}"), AzureRestTransport.JsonBody(body), operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        var root = document.RootElement;
        return new SentinelComment(Text(root, "name") ?? commentId, Text(Properties(root), "message") ?? message, response.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>
    /// Adds labels and sets the severity. Reads the incident, changes only those fields, and writes it back with
    /// its etag; on 409 (someone else changed it) it re-reads and tries again. Returns the incident as written, or
    /// as read when nothing needed changing.
    /// </summary>
    public async Task<SentinelIncident> UpdateIncidentAsync(
        SentinelWorkspace workspace, string incidentId, IncidentUpdate update, CancellationToken cancellationToken = default)
    {
        const string operation = "Sentinel update incident";
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 0; ; attempt++)
        {
            var uri = IncidentUri(workspace, incidentId, string.Empty);
            var read = await _transport.SendAsync(HttpMethod.Get, uri, null, operation, cancellationToken).ConfigureAwait(false);
            if (!read.IsSuccess)
            {
                throw _transport.Failure(read, operation);
            }

            var node = ParseNode(read, operation);
            var current = ReadIncident(JsonSerializer.SerializeToElement(node), read.StatusCode, operation);
            var properties = (JsonObject)node["properties"]!;
            var changed = ApplyLabels(properties, current.Labels, update.AddLabels);
            if (update.Severity is { } severity && !string.Equals(current.Severity, severity.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                properties["severity"] = severity.ToString();
                changed = true;
            }

            if (!changed)
            {
                return current;
            }

            var body = new JsonObject { ["etag"] = current.Etag, ["properties"] = properties.DeepClone() }.ToJsonString();
            var write = await _transport.SendAsync(HttpMethod.Put, uri, AzureRestTransport.JsonBody(body), operation, cancellationToken).ConfigureAwait(false);
            if (write.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed && attempt < MaxConflictRetries)
            {
                continue;
            }

            if (!write.IsSuccess)
            {
                throw _transport.Failure(write, operation);
            }

            using var written = AzureRestTransport.ParseJson(write, operation);
            return ReadIncident(written.RootElement.Clone(), write.StatusCode, operation);
        }
    }

    private static bool ApplyLabels(JsonObject properties, IReadOnlyList<string> existing, IReadOnlyList<string> add)
    {
        var missing = add
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(l => !existing.Contains(l, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        var labels = properties["labels"] as JsonArray ?? [];
        properties["labels"] = labels;
        foreach (var label in missing)
        {
            labels.Add(new JsonObject { ["labelName"] = label, ["labelType"] = "User" });
        }

        return true;
    }

    private async Task<JsonElement> PostForJsonAsync(Uri uri, string operation, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, uri, AzureRestTransport.JsonBody("{}"), operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        return document.RootElement.Clone();
    }

    private static JsonObject ParseNode(AzureRestResponse response, string operation)
    {
        using var document = AzureRestTransport.ParseJson(response, operation);
        return JsonNode.Parse(document.RootElement.GetRawText()) is JsonObject node && node["properties"] is JsonObject
            ? node
            : throw new AzureResponseFormatException(operation, response.StatusCode, "the incident has no 'properties' object");
    }

    private static SentinelIncident ReadIncident(JsonElement root, HttpStatusCode status, string operation)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new AzureResponseFormatException(operation, status, "the incident has no 'properties' object");
        }

        var labels = properties.TryGetProperty("labels", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(l => Text(l, "labelName")).OfType<string>().ToList()
            : [];
        long? number = properties.TryGetProperty("incidentNumber", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt64() : null;
        return new SentinelIncident(
            Text(root, "name") ?? string.Empty,
            Text(root, "etag"),
            Text(properties, "title") ?? string.Empty,
            Text(properties, "description"),
            Text(properties, "severity") ?? string.Empty,
            Text(properties, "status") ?? string.Empty,
            number,
            labels,
            properties);
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name, string operation) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList()
            : throw new AzureResponseFormatException(operation, HttpStatusCode.OK, $"no '{name}' array");

    private static JsonElement Properties(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;

    private static string? Text(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement node, string name) =>
        Text(node, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private Uri IncidentUri(SentinelWorkspace workspace, string incidentId, string suffix)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var subscription = UriPaths.Segment(workspace.SubscriptionId, nameof(workspace.SubscriptionId), UriPaths.Guid());
        var group = UriPaths.Segment(workspace.ResourceGroup, nameof(workspace.ResourceGroup), UriPaths.ResourceGroupName());
        var name = UriPaths.Segment(workspace.WorkspaceName, nameof(workspace.WorkspaceName), UriPaths.WorkspaceName());
        var incident = UriPaths.Segment(incidentId, nameof(incidentId), UriPaths.ResourceName());
        return UriPaths.Combine(
            _transport.Options.ManagementEndpoint,
            $"subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}"
            + $"/providers/Microsoft.SecurityInsights/incidents/{incident}{suffix}?api-version={ApiVersion}");
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();
}
