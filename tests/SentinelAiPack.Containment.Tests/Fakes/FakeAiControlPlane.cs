using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Containment.Tests.Fakes;

/// <summary>
/// The Azure Resource Manager operations the containment playbooks call, in memory, with the documented contracts:
/// API Management subscriptions (Update needs If-Match, state active|suspended|...; regeneratePrimaryKey and
/// regenerateSecondaryKey answer 204), Cognitive Services accounts (regenerateKey with keyName Key1 or Key2 answers the
/// account's keys), Azure ML online endpoints (GET; PUT refuses traffic that does not add up to 100 or 0, mirror
/// traffic above 50, or a deployment the endpoint does not have).
/// </summary>
public sealed partial class FakeAiControlPlane : IFakeAzureApi
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _apimSubscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Key1, string Key2)> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _deployments = new(StringComparer.OrdinalIgnoreCase);

    public string ExpectedAudience => "https://management.azure.com";

    public bool Matches(FakeRequest request) => FakeHost.Of(request) == "management.azure.com";

    public FakeResponse WrongAudience(string? audience) => FakeHost.ArmWrongAudience(audience);

    public void AddApimSubscription(string id) { lock (_gate) { _apimSubscriptions[id] = new JsonObject { ["state"] = "active", ["primaryKey"] = "p0", ["secondaryKey"] = "s0" }; } }

    public JsonObject ApimSubscription(string id) { lock (_gate) { return (JsonObject)_apimSubscriptions[id].DeepClone(); } }

    public void AddAccount(string id) { lock (_gate) { _accounts[id] = ("k1-0", "k2-0"); } }

    public (string Key1, string Key2) AccountKeys(string id) { lock (_gate) { return _accounts[id]; } }

    /// <summary>An online endpoint with deployments and their traffic shares.</summary>
    public void AddEndpoint(string id, IReadOnlyDictionary<string, int> traffic)
    {
        lock (_gate)
        {
            _deployments[id] = new HashSet<string>(traffic.Keys, StringComparer.Ordinal);
            var trafficObject = new JsonObject();
            foreach (var (deployment, share) in traffic)
            {
                trafficObject[deployment] = share;
            }
            _endpoints[id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = id.Split('/')[^1],
                ["location"] = "westeurope",
                ["identity"] = new JsonObject { ["type"] = "SystemAssigned" },
                ["properties"] = new JsonObject { ["authMode"] = "Key", ["traffic"] = trafficObject, ["mirrorTraffic"] = new JsonObject(), ["provisioningState"] = "Succeeded" },
            };
        }
    }

    public JsonObject Endpoint(string id) { lock (_gate) { return (JsonObject)_endpoints[id].DeepClone(); } }

    public Task<FakeResponse> HandleAsync(FakeRequest request)
    {
        lock (_gate)
        {
            return Task.FromResult(Handle(request));
        }
    }

    private FakeResponse Handle(FakeRequest request)
    {
        if (ApimPath().Match(request.Path) is { Success: true } apim)
        {
            return FakeHost.ApiVersion(request, ApiVersions.ApiManagement) ?? Apim(request, apim.Groups["id"].Value, apim.Groups["action"].Value);
        }
        if (AccountPath().Match(request.Path) is { Success: true } account)
        {
            return FakeHost.ApiVersion(request, ApiVersions.CognitiveServices) ?? RegenerateKey(request, account.Groups["id"].Value);
        }
        if (EndpointPath().Match(request.Path) is { Success: true } endpoint)
        {
            return FakeHost.ApiVersion(request, ApiVersions.MachineLearning) ?? Endpoint(request, endpoint.Groups["id"].Value);
        }
        return FakeResponse.Error(404, "ResourceNotFound", $"The resource '{request.Path}' was not found.");
    }

    private FakeResponse Apim(FakeRequest request, string id, string action)
    {
        if (!_apimSubscriptions.TryGetValue(id, out var subscription))
        {
            return FakeResponse.Error(404, "ResourceNotFound", "Subscription not found.");
        }
        switch (request.Method, action)
        {
            case ("PATCH", ""):
                if (!request.Headers.TryGetValue("If-Match", out var etag) || etag.Length == 0)
                {
                    return FakeResponse.Error(400, "ValidationError", "If-Match header is required (ETag of the entity, or * for an unconditional update).");
                }
                var state = request.Json()?["properties"]?["state"]?.GetValue<string>();
                if (state is not ("active" or "suspended" or "cancelled" or "expired" or "rejected" or "submitted"))
                {
                    return FakeResponse.Error(400, "ValidationError", $"Invalid subscription state '{state}'.");
                }
                subscription["state"] = state;
                return FakeResponse.Json(200, new JsonObject { ["id"] = id, ["properties"] = new JsonObject { ["state"] = state } });
            case ("POST", "regeneratePrimaryKey"):
                subscription["primaryKey"] = "p" + Guid.NewGuid().ToString("N");
                return new FakeResponse(204);
            case ("POST", "regenerateSecondaryKey"):
                subscription["secondaryKey"] = "s" + Guid.NewGuid().ToString("N");
                return new FakeResponse(204);
            default:
                return FakeResponse.Error(405, "MethodNotAllowed", $"{request.Method} {action} is not supported.");
        }
    }

    private FakeResponse RegenerateKey(FakeRequest request, string id)
    {
        if (!_accounts.TryGetValue(id, out var keys))
        {
            return FakeResponse.Error(404, "ResourceNotFound", "Account not found.");
        }
        var keyName = request.Json()?["keyName"]?.GetValue<string>();
        if (keyName is not ("Key1" or "Key2"))
        {
            return FakeResponse.Error(400, "InvalidKeyName", $"The key name '{keyName}' is invalid; use Key1 or Key2.");
        }
        keys = keyName == "Key1" ? (Guid.NewGuid().ToString("N"), keys.Key2) : (keys.Key1, Guid.NewGuid().ToString("N"));
        _accounts[id] = keys;
        return FakeResponse.Json(200, new JsonObject { ["key1"] = keys.Key1, ["key2"] = keys.Key2 });
    }

    private FakeResponse Endpoint(FakeRequest request, string id)
    {
        if (!_endpoints.TryGetValue(id, out var endpoint))
        {
            return FakeResponse.Error(404, "ResourceNotFound", "Endpoint not found.");
        }
        if (request.Method == "GET")
        {
            return FakeResponse.Json(200, endpoint.DeepClone());
        }
        if (request.Method != "PUT")
        {
            return FakeResponse.Error(405, "MethodNotAllowed", $"{request.Method} is not supported.");
        }
        if (request.Json() is not JsonObject body || body["properties"] is not JsonObject properties || properties["authMode"] is null)
        {
            return FakeResponse.Error(400, "UserError", "properties.authMode is required.");
        }
        var traffic = properties["traffic"] as JsonObject ?? [];
        var mirror = properties["mirrorTraffic"] as JsonObject ?? [];
        if (traffic.Concat(mirror).FirstOrDefault(t => !_deployments[id].Contains(t.Key)) is { Key: { } unknown })
        {
            return FakeResponse.Error(400, "UserError", $"Deployment '{unknown}' does not exist in the endpoint.");
        }
        var total = traffic.Sum(t => t.Value!.GetValue<int>());
        if (total is not (0 or 100))
        {
            return FakeResponse.Error(400, "UserError", $"Traffic values need to sum to 100 (got {total}).");
        }
        if (mirror.Sum(t => t.Value!.GetValue<int>()) > 50)
        {
            return FakeResponse.Error(400, "UserError", "Mirror traffic values need to sum to at most 50.");
        }
        endpoint["properties"]!["traffic"] = traffic.DeepClone();
        endpoint["properties"]!["mirrorTraffic"] = mirror.DeepClone();
        return FakeResponse.Json(200, endpoint.DeepClone());
    }

    [GeneratedRegex(@"^(?<id>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.ApiManagement/service/[^/]+/subscriptions/[^/]+)(?:/(?<action>regeneratePrimaryKey|regenerateSecondaryKey))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ApimPath();

    [GeneratedRegex(@"^(?<id>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.CognitiveServices/accounts/[^/]+)/regenerateKey$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPath();

    [GeneratedRegex(@"^(?<id>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.MachineLearningServices/workspaces/[^/]+/onlineEndpoints/[^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPath();
}
