using System.Text.Json.Nodes;
using SentinelAiPack.TestSupport.Sentinel;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// Builds incidents in the fake Sentinel as the pack's rules would: one alert with custom details (SessionId,
/// ConversationId, Deployment, Endpoint, ContentSha256) and activity times, Account / IP / AzureResource entities.
/// </summary>
public static class IncidentFactory
{
    public static string Add(
        FakeSentinelIncidents incidents,
        string title,
        DateTimeOffset first,
        DateTimeOffset last,
        IReadOnlyDictionary<string, IReadOnlyList<string>> customDetails,
        IEnumerable<string>? users = null,
        IEnumerable<string>? ips = null,
        IEnumerable<string>? resourceIds = null,
        string severity = "Medium")
    {
        var id = Guid.NewGuid().ToString();
        var properties = incidents.AddIncident(id, title, severity);
        properties["firstActivityTimeUtc"] = Iso(first);
        properties["lastActivityTimeUtc"] = Iso(last);
        var details = new JsonObject();
        foreach (var (key, values) in customDetails)
        {
            details[key] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        }

        incidents.AddAlert(id, "alert-" + id[..8], new JsonObject
        {
            ["alertDisplayName"] = title,
            ["severity"] = severity,
            ["productName"] = "Azure Sentinel",
            ["alertType"] = "c1b4f0a2-0000-4000-8000-000000000001",
            ["startTimeUtc"] = Iso(first),
            ["endTimeUtc"] = Iso(last),
            ["timeGenerated"] = Iso(last.AddMinutes(5)),
            // Sentinel serialises custom details as a JSON string inside additionalData.
            ["additionalData"] = new JsonObject { ["Custom Details"] = details.ToJsonString() },
        });
        var n = 0;
        foreach (var user in users ?? [])
        {
            var at = user.IndexOf('@', StringComparison.Ordinal);
            incidents.AddEntity(id, $"account-{n++}", "Account", at > 0
                ? new JsonObject { ["friendlyName"] = user, ["accountName"] = user[..at], ["upnSuffix"] = user[(at + 1)..] }
                : new JsonObject { ["friendlyName"] = user, ["accountName"] = user });
        }

        foreach (var ip in ips ?? [])
        {
            incidents.AddEntity(id, $"ip-{n++}", "Ip", new JsonObject { ["friendlyName"] = ip, ["address"] = ip });
        }

        foreach (var resource in resourceIds ?? [])
        {
            incidents.AddEntity(id, $"resource-{n++}", "AzureResource", new JsonObject { ["friendlyName"] = resource, ["resourceId"] = resource });
        }

        return id;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
