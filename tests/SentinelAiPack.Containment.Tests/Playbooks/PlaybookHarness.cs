using System.Text.Json.Nodes;
using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Workflow;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>What a playbook run did, and what the loopback server received.</summary>
public sealed record PlaybookRun(WorkflowRun Run, IReadOnlyList<RecordedRequest> Requests)
{
    public string CommentText => string.Join("\n", Run.Comments.Select(c => c.Message));
}

/// <summary>
/// Deploys nothing: takes the workflow definition out of the playbook's generated ARM template, gives its parameters the
/// values a deployment would (the template's defaults unless a test sets them), and runs it with
/// <see cref="WorkflowRunner"/> against loopback fakes, for an incident-trigger body built by <see cref="Incident"/>.
/// </summary>
public static class PlaybookHarness
{
    public const string Approver = "soc.lead@contoso.com";

    public static async Task<PlaybookRun> RunAsync(ContainmentPlaybook playbook, JsonObject trigger, ApprovalAnswer answer,
        IReadOnlyDictionary<string, JsonNode?>? values = null, params IFakeAzureApi[] fakes)
    {
        var template = ContainmentPlaybookTemplate.Build(playbook);
        var definition = Definition(template);
        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["$connections"] = new JsonObject
            {
                ["azuresentinel"] = new JsonObject { ["connectionId"] = "/subscriptions/0/resourceGroups/rg-soc/providers/Microsoft.Web/connections/azuresentinel-" + playbook.Name },
                ["office365"] = new JsonObject { ["connectionId"] = "/subscriptions/0/resourceGroups/rg-soc/providers/Microsoft.Web/connections/office365-" + playbook.Name },
            },
            [ContainmentPlaybookTemplate.ApproverParameter] = Approver,
        };
        foreach (var (name, _) in (JsonObject)definition["parameters"]!)
        {
            if (parameters.ContainsKey(name))
            {
                continue;
            }
            if (values is not null && values.TryGetValue(name, out var value))
            {
                parameters[name] = value?.DeepClone();
            }
            else if (template["parameters"]?[name]?["defaultValue"] is { } defaultValue && !(defaultValue is JsonValue v && v.ToString().StartsWith('[')))
            {
                parameters[name] = defaultValue.DeepClone();
            }
            else
            {
                throw new ArgumentException($"The test must give a value for the parameter {name} (its default is an ARM expression).");
            }
        }
        await using var server = await LoopbackHttpsServer.StartAsync(fakes).ConfigureAwait(false);
        using var http = new HttpClient(server.CreateHandler());
        var run = await new WorkflowRunner(http, server.BaseUri, answer).RunAsync(definition, trigger, parameters).ConfigureAwait(false);
        return new PlaybookRun(run, server.Requests);
    }

    /// <summary>The workflow definition inside a playbook template.</summary>
    public static JsonObject Definition(JsonObject template) =>
        (JsonObject)template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Logic/workflows")!["properties"]!["definition"]!.DeepClone();
}

/// <summary>Microsoft Sentinel incident-trigger bodies (the Microsoft Sentinel connector's "incident" trigger).</summary>
public static class Incident
{
    public const string ArmId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/soc/providers/Microsoft.SecurityInsights/incidents/7f1c2a9e-0000-4000-8000-000000000042";

    public static JsonObject With(string title, int number, params JsonObject[] entities) => new()
    {
        ["eventUniqueId"] = Guid.Empty.ToString(),
        ["objectSchemaType"] = "Incident",
        ["objectEventType"] = "Create",
        ["workspaceId"] = Guid.Empty.ToString(),
        ["object"] = new JsonObject
        {
            ["id"] = ArmId,
            ["name"] = ArmId.Split('/')[^1],
            ["type"] = "Microsoft.SecurityInsights/Incidents",
            ["properties"] = new JsonObject
            {
                ["title"] = title,
                ["severity"] = "High",
                ["status"] = "New",
                ["incidentNumber"] = number,
                ["relatedEntities"] = new JsonArray([.. entities]),
            },
        },
    };

    public static JsonObject Account(string? aadUserId, string name = "alice") => Entity("Account", new JsonObject
    {
        ["accountName"] = name,
        ["upnSuffix"] = "contoso.com",
        ["aadUserId"] = aadUserId,
        ["friendlyName"] = name,
    });

    public static JsonObject Resource(string resourceId) => Entity("AzureResource", new JsonObject
    {
        ["resourceId"] = resourceId,
        ["subscriptionId"] = resourceId.Split('/').ElementAtOrDefault(2),
        ["friendlyName"] = resourceId.Split('/')[^1],
    });

    public static JsonObject Url(string url) => Entity("Url", new JsonObject { ["url"] = url, ["friendlyName"] = url });

    public static JsonObject Ip(string address) => Entity("Ip", new JsonObject { ["address"] = address, ["friendlyName"] = address });

    private static JsonObject Entity(string kind, JsonObject properties)
    {
        var id = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["id"] = $"{ArmId}/entities/{id}",
            ["name"] = id,
            ["type"] = "Microsoft.SecurityInsights/Entities",
            ["kind"] = kind,
            ["properties"] = properties,
        };
    }
}
