using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Arm;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.Sentinel;

/// <summary>
/// Sentinel incidents, api-version 2025-09-01, in memory: GET/PUT incident (PUT checks the etag and answers the
/// documented 409 Conflict "Newer version of resource … exists" when it is stale), POST alerts → <c>{value}</c>,
/// POST entities → <c>{entities, metaData}</c>, PUT comment by id (201 created, 200 updated: idempotent), GET comments.
/// Comments are limited to 30,000 characters and 100 per incident, as documented. Writing a comment changes the
/// incident's etag, so a concurrent enricher's incident update meets a conflict as in the service.
/// </summary>
public sealed partial class FakeSentinelIncidents : IFakeAzureApi
{
    /// <summary>The api-version this fake serves.</summary>
    public const string ApiVersion = "2025-09-01";

    private readonly object _gate = new();
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string ExpectedAudience => ArmContract.Audience;

    /// <inheritdoc />
    public bool Matches(FakeRequest request) => IncidentPath().IsMatch(request.Path);

    /// <inheritdoc />
    public FakeResponse WrongAudience(string? audience) => ArmContract.WrongAudience(audience);

    /// <summary>Adds an incident with the given fields; returns its properties for further setup.</summary>
    public JsonObject AddIncident(string incidentId, string title, string severity = "Medium", string status = "New", string? description = null)
    {
        var properties = new JsonObject
        {
            ["title"] = title,
            ["description"] = description,
            ["severity"] = severity,
            ["status"] = status,
            ["labels"] = new JsonArray(),
            ["incidentNumber"] = 1000 + _incidents.Count,
            ["createdTimeUtc"] = "2030-01-01T00:00:00Z",
        };
        lock (_gate)
        {
            _incidents[incidentId] = new IncidentState(properties);
        }

        return properties;
    }

    /// <summary>Adds an alert (kind SecurityAlert) to an incident.</summary>
    public void AddAlert(string incidentId, string alertName, JsonObject properties)
    {
        lock (_gate)
        {
            _incidents[incidentId].Alerts.Add(new JsonObject { ["name"] = alertName, ["kind"] = "SecurityAlert", ["properties"] = properties });
        }
    }

    /// <summary>Adds an entity (Account, Host, Ip, Url, …) to an incident.</summary>
    public void AddEntity(string incidentId, string entityName, string kind, JsonObject properties)
    {
        lock (_gate)
        {
            _incidents[incidentId].Entities.Add(new JsonObject { ["name"] = entityName, ["kind"] = kind, ["properties"] = properties });
        }
    }

    /// <summary>Simulates another writer: changes the incident's etag without telling the client.</summary>
    public void TouchIncident(string incidentId)
    {
        lock (_gate)
        {
            _incidents[incidentId].NewEtag();
        }
    }

    /// <summary>Comments of an incident by id (message text).</summary>
    public IReadOnlyDictionary<string, string> Comments(string incidentId)
    {
        lock (_gate)
        {
            return _incidents[incidentId].Comments.ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>A copy of an incident's current properties.</summary>
    public JsonObject Incident(string incidentId)
    {
        lock (_gate)
        {
            return (JsonObject)_incidents[incidentId].Properties.DeepClone();
        }
    }

    /// <summary>
    /// The next N incident PUTs find the incident changed by someone else just before they arrive (their etag is
    /// stale), as when an analyst or another playbook edits the incident concurrently.
    /// </summary>
    public int ConcurrentEditsBeforeNextWrites { get; set; }

    /// <summary>Number of PUTs on incidents rejected with 409.</summary>
    public int Conflicts { get; private set; }

    /// <inheritdoc />
    public Task<FakeResponse> HandleAsync(FakeRequest request) => ArmContract.Serve(request, ApiVersion, _gate, Handle);

    private FakeResponse Handle(FakeRequest request)
    {
        var match = IncidentPath().Match(request.Path);
        var id = match.Groups["incident"].Value;
        if (!_incidents.TryGetValue(id, out var incident))
        {
            return FakeResponse.Error(404, "NotFound", $"Incident '{id}' was not found.");
        }

        var child = match.Groups["child"].Value;
        var commentId = match.Groups["comment"].Value;
        return (request.Method, child) switch
        {
            ("GET", "") => FakeResponse.Json(200, IncidentBody(id, incident)),
            ("PUT", "") => PutIncident(request, id, incident),
            ("POST", "alerts") => FakeResponse.Json(200, new JsonObject { ["value"] = new JsonArray(incident.Alerts.Select(a => a.DeepClone()).ToArray()) }),
            ("POST", "entities") => FakeResponse.Json(200, EntitiesBody(incident)),
            ("GET", "comments") when commentId.Length == 0 => FakeResponse.Json(200, new JsonObject
            {
                ["value"] = new JsonArray(incident.Comments.Select(c => (JsonNode)CommentBody(c.Key, c.Value)).ToArray()),
            }),
            ("GET", "comments") => incident.Comments.TryGetValue(commentId, out var message)
                ? FakeResponse.Json(200, CommentBody(commentId, message))
                : FakeResponse.Error(404, "NotFound", $"Comment '{commentId}' was not found."),
            ("PUT", "comments") when commentId.Length > 0 => PutComment(request, incident, commentId),
            _ => FakeResponse.Error(405, "MethodNotAllowed", $"{request.Method} is not supported here."),
        };
    }

    private FakeResponse PutIncident(FakeRequest request, string id, IncidentState incident)
    {
        if (request.Json() is not JsonObject body || body["properties"] is not JsonObject properties)
        {
            return FakeResponse.Error(400, "BadRequest", "The incident must have 'properties'.");
        }

        if (ConcurrentEditsBeforeNextWrites > 0)
        {
            ConcurrentEditsBeforeNextWrites--;
            incident.NewEtag();
        }

        var etag = body["etag"]?.GetValue<string>();
        if (etag is not null && etag != incident.Etag)
        {
            Conflicts++;
            return FakeResponse.Error(409, "Conflict", $"Newer version of resource '{id}' exists. Data was not saved");
        }

        foreach (var required in new[] { "title", "severity", "status" })
        {
            if (properties[required] is null)
            {
                return FakeResponse.Error(400, "BadRequest", $"'properties.{required}' is required.");
            }
        }

        if (properties["severity"]?.GetValue<string>() is not ("High" or "Medium" or "Low" or "Informational"))
        {
            return FakeResponse.Error(400, "BadRequest", "'properties.severity' must be High, Medium, Low or Informational.");
        }

        foreach (var name in new[] { "title", "description", "severity", "status", "labels", "owner", "classification", "classificationComment", "classificationReason" })
        {
            if (properties.ContainsKey(name))
            {
                incident.Properties[name] = properties[name]?.DeepClone();
            }
        }

        incident.NewEtag();
        return FakeResponse.Json(200, IncidentBody(id, incident));
    }

    private static FakeResponse PutComment(FakeRequest request, IncidentState incident, string commentId)
    {
        var message = (request.Json() as JsonObject)?["properties"]?["message"]?.GetValue<string>();
        if (message is null)
        {
            return FakeResponse.Error(400, "BadRequest", "'properties.message' is required.");
        }

        if (message.Length > 30_000)
        {
            return FakeResponse.Error(400, "BadRequest", "The comment message exceeds the maximum length of 30000 characters.");
        }

        var created = !incident.Comments.ContainsKey(commentId);
        if (created && incident.Comments.Count >= 100)
        {
            return FakeResponse.Error(400, "BadRequest", "The incident already has the maximum of 100 comments.");
        }

        incident.Comments[commentId] = message;
        incident.NewEtag();
        return FakeResponse.Json(created ? 201 : 200, CommentBody(commentId, message));
    }

    private static JsonObject IncidentBody(string id, IncidentState incident) => new()
    {
        ["name"] = id,
        ["type"] = "Microsoft.SecurityInsights/incidents",
        ["etag"] = incident.Etag,
        ["properties"] = incident.Properties.DeepClone(),
    };

    private static JsonObject EntitiesBody(IncidentState incident) => new()
    {
        ["entities"] = new JsonArray(incident.Entities.Select(e => e.DeepClone()).ToArray()),
        ["metaData"] = new JsonArray(incident.Entities
            .GroupBy(e => e["kind"]!.GetValue<string>())
            .Select(g => (JsonNode)new JsonObject { ["entityKind"] = g.Key, ["count"] = g.Count() })
            .ToArray()),
    };

    private static JsonObject CommentBody(string commentId, string message) => new()
    {
        ["name"] = commentId,
        ["type"] = "Microsoft.SecurityInsights/incidents/comments",
        ["etag"] = Guid.NewGuid().ToString(),
        ["properties"] = new JsonObject { ["message"] = message, ["createdTimeUtc"] = "2030-01-01T00:00:00Z" },
    };

    private sealed class IncidentState(JsonObject properties)
    {
        public JsonObject Properties { get; } = properties;

        public string Etag { get; private set; } = NewTag();

        public List<JsonObject> Alerts { get; } = [];

        public List<JsonObject> Entities { get; } = [];

        public Dictionary<string, string> Comments { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void NewEtag() => Etag = NewTag();

        private static string NewTag() => $"\"{Guid.NewGuid()}\"";
    }

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.OperationalInsights/workspaces/[^/]+/providers/Microsoft\.SecurityInsights/incidents/(?<incident>[^/]+)(?:/(?<child>alerts|entities|comments)(?:/(?<comment>[^/]+))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentPath();
}
