using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.Sentinel;

namespace SentinelAiPack.Enrichment.Incidents;

/// <summary>
/// Finds the subject of an incident the way the pack's rules describe it: alert custom details (SessionId,
/// ConversationId, Deployment, ...; in <c>properties.additionalData["Custom Details"]</c> as a JSON object or string
/// of arrays) and entities (Account, IP, AzureResource, CloudApplication). Values are trimmed, de-duplicated, capped in
/// number and length, and never interpreted.
/// </summary>
public static partial class IncidentSubjectReader
{
    /// <summary>Most values kept per kind (an incident with more is summarised by the first ones).</summary>
    public const int MaxValuesPerKind = 20;

    /// <summary>Longest value kept; longer values are not identifiers and are dropped.</summary>
    public const int MaxValueLength = 512;

    private static readonly string[] SessionKeys = ["SessionId", "Session", "Sessions", "SessionIds"];
    private static readonly string[] ConversationKeys = ["ConversationId", "Conversation", "Conversations", "ThreadId"];
    private static readonly string[] UserKeys = ["UserPrincipalName", "User", "Upn", "Account"];
    private static readonly string[] DeploymentKeys = ["Deployment", "DeploymentName", "ModelDeployment"];
    private static readonly string[] EndpointKeys = ["Endpoint", "EndpointName"];
    private static readonly string[] HashKeys = ["ContentSha256", "PayloadSha256", "PayloadHash", "TextSha256"];
    private static readonly string[] ToolKeys = ["ToolName", "Tool"];
    private static readonly string[] IpKeys = ["ClientIp", "CallerIp", "ActorIp"];
    private static readonly string[] ResourceKeys = ["ResourceId"];

    /// <summary>Reads the subject of <paramref name="incident"/> from its alerts and entities.</summary>
    public static IncidentSubject Read(SentinelIncident incident, IReadOnlyList<SentinelAlert> alerts, IReadOnlyList<SentinelEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(entities);
        var bag = new Collector();
        var times = new List<DateTimeOffset>();
        AddTime(times, incident.Properties, "firstActivityTimeUtc");
        AddTime(times, incident.Properties, "lastActivityTimeUtc");

        foreach (var alert in alerts)
        {
            bag.Add(Kind.Alert, alert.AlertDisplayName);
            foreach (var (key, value) in CustomDetails(alert.Properties))
            {
                bag.AddDetail(key, value);
            }

            AddTime(times, alert.Properties, "startTimeUtc");
            AddTime(times, alert.Properties, "endTimeUtc");
            if (alert.TimeGenerated is { } generated && times.Count == 0)
            {
                times.Add(generated);
            }
        }

        foreach (var entity in entities)
        {
            ReadEntity(bag, entity);
        }

        if (times.Count == 0)
        {
            AddTime(times, incident.Properties, "createdTimeUtc");
        }

        return new IncidentSubject
        {
            Title = incident.Title,
            Severity = incident.Severity,
            Labels = incident.Labels,
            SessionIds = bag.Values(Kind.Session),
            ConversationIds = bag.Values(Kind.Conversation),
            Users = bag.Values(Kind.User),
            ClientIps = bag.Values(Kind.Ip),
            Deployments = bag.Values(Kind.Deployment),
            Endpoints = bag.Values(Kind.Endpoint),
            ResourceIds = bag.Values(Kind.Resource),
            ContentHashes = bag.Values(Kind.Hash),
            ToolNames = bag.Values(Kind.Tool),
            AlertNames = bag.Values(Kind.Alert),
            FirstActivity = times.Count > 0 ? times.Min() : null,
            LastActivity = times.Count > 0 ? times.Max() : null,
        };
    }

    /// <summary>
    /// The alert's custom details: <c>additionalData["Custom Details"]</c> is a JSON object (or a string holding one)
    /// whose values are arrays of strings (one per aggregated result) or single values.
    /// </summary>
    internal static IEnumerable<(string Key, string Value)> CustomDetails(JsonElement alertProperties)
    {
        if (alertProperties.ValueKind != JsonValueKind.Object
            || !alertProperties.TryGetProperty("additionalData", out var additional)
            || additional.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        JsonElement details = default;
        foreach (var property in additional.EnumerateObject())
        {
            if (property.Name.Equals("Custom Details", StringComparison.OrdinalIgnoreCase) || property.Name.Equals("CustomDetails", StringComparison.OrdinalIgnoreCase))
            {
                details = property.Value;
            }
        }

        if (details.ValueKind == JsonValueKind.String && TryParseObject(details.GetString()!) is { } parsed)
        {
            details = parsed;
        }

        if (details.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var detail in details.EnumerateObject())
        {
            foreach (var value in Flatten(detail.Value))
            {
                yield return (detail.Name, value);
            }
        }
    }

    private static IEnumerable<string> Flatten(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                // Aggregated details can arrive as a JSON array inside a string.
                if (text.StartsWith('[') && TryParseArray(text) is { } array)
                {
                    foreach (var item in Flatten(array))
                    {
                        yield return item;
                    }
                }
                else
                {
                    yield return text;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().Take(MaxValuesPerKind * 2))
                {
                    if (item.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        yield return item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                    }
                }

                break;
            case JsonValueKind.Number:
                yield return value.GetRawText();
                break;
        }
    }

    private static void ReadEntity(Collector bag, SentinelEntity entity)
    {
        var p = entity.Properties;
        switch (entity.Kind.ToUpperInvariant())
        {
            case "ACCOUNT":
                var name = Text(p, "accountName");
                var suffix = Text(p, "upnSuffix");
                if (name is not null && suffix is not null && !name.Contains('@', StringComparison.Ordinal))
                {
                    bag.Add(Kind.User, $"{name}@{suffix}");
                }
                else if (name?.Contains('@', StringComparison.Ordinal) == true)
                {
                    bag.Add(Kind.User, name);
                }
                else if (entity.FriendlyName?.Contains('@', StringComparison.Ordinal) == true)
                {
                    bag.Add(Kind.User, entity.FriendlyName);
                }

                break;
            case "IP":
                bag.Add(Kind.Ip, Text(p, "address"));
                break;
            case "AZURERESOURCE":
                var resourceId = Text(p, "resourceId");
                bag.Add(Kind.Resource, resourceId);
                if (resourceId is not null)
                {
                    bag.Add(Kind.Deployment, DeploymentOf().Match(resourceId) is { Success: true } d ? d.Groups[1].Value : null);
                    bag.Add(Kind.Endpoint, EndpointOf().Match(resourceId) is { Success: true } e ? e.Groups[1].Value : null);
                }

                break;
        }
    }

    private static void AddTime(List<DateTimeOffset> times, JsonElement properties, string name)
    {
        if (Text(properties, name) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && at.Year is > 2000 and < 2200)
        {
            times.Add(at);
        }
    }

    private static string? Text(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? TryParseObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? TryParseArray(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"/deployments/([^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeploymentOf();

    [GeneratedRegex(@"/onlineEndpoints/([^/]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndpointOf();

    private enum Kind
    {
        Session,
        Conversation,
        User,
        Ip,
        Deployment,
        Endpoint,
        Resource,
        Hash,
        Tool,
        Alert,
    }

    private sealed class Collector
    {
        private readonly Dictionary<Kind, List<string>> _values = [];

        public void AddDetail(string key, string value)
        {
            Kind? kind = Matches(key, SessionKeys) ? Kind.Session
                : Matches(key, ConversationKeys) ? Kind.Conversation
                : Matches(key, UserKeys) ? Kind.User
                : Matches(key, DeploymentKeys) ? Kind.Deployment
                : Matches(key, EndpointKeys) ? Kind.Endpoint
                : Matches(key, HashKeys) ? Kind.Hash
                : Matches(key, ToolKeys) ? Kind.Tool
                : Matches(key, IpKeys) ? Kind.Ip
                : Matches(key, ResourceKeys) ? Kind.Resource
                : null;
            if (kind is { } k)
            {
                Add(k, k == Kind.Hash ? value.Trim().ToLowerInvariant() : value);
            }
        }

        public void Add(Kind kind, string? value)
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > MaxValueLength)
            {
                return;
            }

            if (!_values.TryGetValue(kind, out var list))
            {
                _values[kind] = list = [];
            }

            if (list.Count < MaxValuesPerKind && !list.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(text);
            }
        }

        public IReadOnlyList<string> Values(Kind kind) => _values.TryGetValue(kind, out var list) ? list : [];

        private static bool Matches(string key, string[] names) => names.Any(n => n.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
