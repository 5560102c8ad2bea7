using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

/// <summary>Workflow actions the containment playbooks are made of.</summary>
public static class Steps
{
    /// <summary>Token audience of Azure Resource Manager.</summary>
    public const string ArmAudience = "https://management.azure.com";

    /// <summary>Token audience of Microsoft Graph.</summary>
    public const string GraphAudience = "https://graph.microsoft.com";

    /// <summary>Token audience of Azure Storage.</summary>
    public const string StorageAudience = "https://storage.azure.com";

    /// <summary>Name of the array variable that collects one HTML list item per target outcome.</summary>
    public const string ResultsVariable = "Results";

    /// <summary>An HTTP action authenticated with the workflow's managed identity for <paramref name="audience"/>.</summary>
    public static JsonObject Http(string method, string uri, string audience, JsonNode? body = null, JsonObject? headers = null, JsonObject? runAfter = null)
    {
        var inputs = new JsonObject
        {
            ["method"] = method,
            ["uri"] = uri,
            ["authentication"] = new JsonObject { ["type"] = "ManagedServiceIdentity", ["audience"] = audience },
        };
        if (headers is not null)
        {
            inputs["headers"] = headers;
        }
        if (body is not null)
        {
            inputs["body"] = body;
        }
        return new JsonObject { ["type"] = "Http", ["runAfter"] = runAfter ?? new JsonObject(), ["inputs"] = inputs };
    }

    /// <summary>Runs after <paramref name="action"/> whatever its outcome (succeeded, failed, timed out).</summary>
    public static JsonObject After(string action, params string[] statuses) =>
        new() { [action] = new JsonArray([.. (statuses.Length == 0 ? ["Succeeded", "Failed", "TimedOut"] : statuses).Select(s => (JsonNode)s)]) };

    /// <summary>
    /// Appends <c>&lt;li&gt;label: status, HTTP code&lt;/li&gt;</c> to the results after <paramref name="action"/>, by default
    /// whatever its outcome.
    /// </summary>
    public static JsonObject Record(string action, string labelExpression, JsonObject? runAfter = null) =>
        Append($"<li>{Wdl.Inline(Wdl.Html(labelExpression))}: {Wdl.Inline(Wdl.Html($"actions('{action}')?['status']"))}, HTTP {Wdl.Inline($"outputs('{action}')?['statusCode']")}</li>",
            runAfter ?? After(action));

    /// <summary>
    /// Appends <c>&lt;li&gt;label: text&lt;/li&gt;</c> to the results; <paramref name="text"/> is written as is, so it may hold
    /// only fixed words and values the playbook computed, never incident text.
    /// </summary>
    public static JsonObject Note(string labelExpression, string text, JsonObject? runAfter = null) =>
        Append($"<li>{Wdl.Inline(Wdl.Html(labelExpression))}: {text}</li>", runAfter ?? new JsonObject());

    private static JsonObject Append(string value, JsonObject runAfter) => new()
    {
        ["type"] = "AppendToArrayVariable",
        ["runAfter"] = runAfter,
        ["inputs"] = new JsonObject { ["name"] = ResultsVariable, ["value"] = value },
    };

    /// <summary>A condition action (<c>If</c>) on a WDL boolean expression.</summary>
    public static JsonObject If(string expression, JsonObject then, JsonObject? otherwise = null, JsonObject? runAfter = null)
    {
        var action = new JsonObject
        {
            ["type"] = "If",
            ["runAfter"] = runAfter ?? new JsonObject(),
            ["expression"] = new JsonObject { ["and"] = new JsonArray(new JsonObject { ["equals"] = new JsonArray(Wdl.Value(expression), true) }) },
            ["actions"] = then,
        };
        if (otherwise is not null)
        {
            action["else"] = new JsonObject { ["actions"] = otherwise };
        }
        return action;
    }

    /// <summary>The Microsoft Sentinel connector's "Add comment to incident (V3)" on the triggering incident.</summary>
    public static JsonObject Comment(string html, JsonObject runAfter) => new()
    {
        ["type"] = "ApiConnection",
        ["runAfter"] = runAfter,
        ["inputs"] = new JsonObject
        {
            ["host"] = new JsonObject { ["connection"] = new JsonObject { ["name"] = "@parameters('$connections')['azuresentinel']['connectionId']" } },
            ["method"] = "post",
            ["path"] = "/Incidents/Comment",
            ["body"] = new JsonObject { ["incidentArmId"] = Wdl.Value(Wdl.IncidentArmId), ["message"] = html },
        },
    };
}
