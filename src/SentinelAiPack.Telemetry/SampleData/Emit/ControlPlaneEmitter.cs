using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>Azure Activity log operations (a Start and a final event each) and the Azure OpenAI Audit log.</summary>
public sealed class ControlPlaneEmitter(GenerationContext ctx)
{
    /// <summary>An identity acting on Azure Resource Manager.</summary>
    public sealed record Actor(string Caller, string ObjectId, string Ip)
    {
        public static Actor Of(Person p, string ip) => new(p.Upn, p.ObjectId, ip);

        public static Actor Of(ServiceIdentity s) => new(s.ObjectId, s.ObjectId, "10.30.1.20");
    }

    public void Operation(DateTime t, string operationNameValue, string resourceId, Actor actor, SeededRandom r, JsonObject? requestBody = null, string result = "Success")
    {
        var correlation = r.GuidString();
        var provider = operationNameValue[..operationNameValue.IndexOf('/', StringComparison.Ordinal)];
        var claims = new JsonObject
        {
            ["http://schemas.microsoft.com/identity/claims/objectidentifier"] = actor.ObjectId,
            ["http://schemas.microsoft.com/identity/claims/tenantid"] = ctx.Tenant.EntraTenantId,
            ["ipaddr"] = actor.Ip,
        };
        if (actor.Caller.Contains('@', StringComparison.Ordinal))
        {
            claims["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"] = actor.Caller;
        }

        var properties = new JsonObject { ["eventCategory"] = "Administrative", ["entity"] = resourceId, ["message"] = operationNameValue };
        if (requestBody is not null)
        {
            properties["requestbody"] = requestBody.ToJsonString();
        }

        foreach (var (status, at) in new[] { ("Start", t), (result, t.AddSeconds(1 + r.Next(20))) })
        {
            var authorization = new JsonObject { ["action"] = operationNameValue, ["scope"] = resourceId };
            ctx.Sink.Row("AzureActivity", at)
                .Str("ActivityStatus", status).Str("ActivityStatusValue", status).Str("ActivitySubstatusValue", status == "Start" ? null : "OK")
                .JsonText("Authorization", authorization).Dyn("Authorization_d", authorization).Str("Caller", actor.Caller)
                .Str("CallerIpAddress", actor.Ip).Str("Category", "Administrative").Str("CategoryValue", "Administrative")
                .JsonText("Claims", claims).Dyn("Claims_d", claims.DeepClone()).Str("CorrelationId", correlation)
                .Str("EventDataId", r.GuidString()).Time("EventSubmissionTimestamp", at.AddSeconds(30)).Str("Level", "Informational")
                .Str("OperationId", correlation).Str("OperationName", operationNameValue).Str("OperationNameValue", operationNameValue)
                .JsonText("Properties", properties).Dyn("Properties_d", properties.DeepClone())
                .Str("Resource", resourceId[(resourceId.LastIndexOf('/') + 1)..]).Str("ResourceGroup", SimulatedTenant.ResourceGroup)
                .Str("ResourceId", resourceId).Str("_ResourceId", resourceId.ToLowerInvariant()).Str("ResourceProvider", provider)
                .Str("ResourceProviderValue", provider.ToUpperInvariant()).Str("SubscriptionId", ctx.Tenant.SubscriptionId)
                .Str("_SubscriptionId", ctx.Tenant.SubscriptionId)
                .Str("HTTPRequest", new JsonObject { ["clientIpAddress"] = actor.Ip, ["method"] = operationNameValue.EndsWith("/delete", StringComparison.Ordinal) ? "DELETE" : "POST" }.ToJsonString())
                .End();
        }
    }

    public void OpenAIListKey(DateTime t, string objectId, string ip, SeededRandom r)
    {
        var resourceId = ctx.Tenant.OpenAIResourceId;
        ctx.Sink.Row("AzureDiagnostics", t)
            .Str("ResourceId", resourceId.ToUpperInvariant()).Str("_ResourceId", resourceId.ToLowerInvariant())
            .Str("SubscriptionId", ctx.Tenant.SubscriptionId).Str("ResourceGroup", SimulatedTenant.ResourceGroup.ToUpperInvariant())
            .Str("ResourceProvider", "MICROSOFT.COGNITIVESERVICES").Str("ResourceType", "ACCOUNTS")
            .Str("Resource", SimulatedTenant.OpenAIAccount.ToUpperInvariant()).Str("Category", "Audit").Str("OperationName", "ListKey")
            .Str("ResultType", "Succeeded").Str("ResultSignature", "200").Long("DurationMs", 30 + r.Next(40))
            .Str("CallerIPAddress", ip[..(ip.LastIndexOf('.') + 1)] + "***").Str("CorrelationId", r.GuidString()).Str("Level", "Informational")
            .JsonText("properties_s", new JsonObject { ["objectId"] = objectId }).Str("event_s", "ShoeboxCallResult")
            .End();
    }

    /// <summary>Request body of a Cognitive Services deployment write, with the model it deploys.</summary>
    public static JsonObject DeploymentBody(string model, string version) => new()
    {
        ["properties"] = new JsonObject
        {
            ["model"] = new JsonObject { ["format"] = "OpenAI", ["name"] = model, ["version"] = version },
            ["raiPolicyName"] = "Microsoft.DefaultV2",
        },
        ["sku"] = new JsonObject { ["name"] = "Standard", ["capacity"] = 120.ToString(CultureInfo.InvariantCulture) },
    };
}
