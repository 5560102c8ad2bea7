using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>AI use outside the tenant's own applications: Microsoft Copilot audit records, Amazon Bedrock CloudTrail events and invocation logs.</summary>
public sealed class ExternalAiEmitter(GenerationContext ctx)
{
    private static readonly string[] CopilotHosts = ["Word", "Teams", "Outlook", "Excel", "BizChat"];

    public void CopilotInteraction(Person user, DateTime t, string ip, bool jailbreak, SeededRandom r)
    {
        var prompt = new JsonObject { ["Id"] = r.Hex(16), ["isPrompt"] = true, ["JailbreakDetected"] = jailbreak };
        var response = new JsonObject { ["Id"] = r.Hex(16), ["isPrompt"] = false, ["JailbreakDetected"] = false };
        var data = new JsonObject
        {
            ["AppHost"] = r.Pick(CopilotHosts),
            ["ThreadId"] = "19:" + r.Hex(24) + "@thread.v2",
            ["Messages"] = new JsonArray(prompt, response),
            ["AccessedResources"] = new JsonArray(new JsonObject
            {
                ["SiteUrl"] = "https://contoso.sharepoint.com/sites/" + r.Pick(["hr", "sales", "finance", "intranet"]),
                ["Action"] = "Read",
                ["Type"] = "File",
            }),
        };
        ctx.Sink.Row("CopilotActivity", t)
            .Str("ActorName", user.Upn).Str("ActorUserId", user.ObjectId).Str("ActorUserType", "Regular")
            .Str("AIModelName", "gpt-4o").Str("AIModelVersion", "2024-11-20").Str("AppHost", (string?)data["AppHost"])
            .Str("ClientRegion", "EU").Dyn("LLMEventData", data).Str("LogVersion", "1.0").Str("OrganizationId", ctx.Tenant.EntraTenantId)
            .Str("RecordId", r.GuidString()).Str("RecordType", "CopilotInteraction").Str("SrcIpAddr", ip).Str("Version", "1")
            .Str("Workload", "Copilot")
            .End();
    }

    private static readonly string[] BedrockPrompts =
    [
        "Summarise the feature store schema changes of last week.", "Draft a model card for the churn model.",
        "Explain the drift report for the pricing model.", "Write a unit test for the data loader.",
    ];

    /// <summary>A Bedrock call: its CloudTrail event and, for text models, the model invocation log record (AWSCloudWatch) with the same request id.</summary>
    public void BedrockInvoke(DateTime t, string userName, string modelId, string ip, SeededRandom r)
    {
        var requestId = r.GuidString();
        CloudTrail(t, userName, "InvokeModel", new JsonObject { ["modelId"] = modelId }, ip, managementEvent: true, r, requestId);
        if (modelId.Contains("embed", StringComparison.Ordinal))
        {
            return;
        }
        var prompt = r.Pick(BedrockPrompts);
        var answer = r.Pick(TextBank.AnswerOpeners) + " " + r.Pick(TextBank.AnswerBodies);
        int inputTokens = prompt.Length / 4, outputTokens = answer.Length / 4;
        var record = new JsonObject
        {
            ["schemaType"] = "ModelInvocationLog",
            ["schemaVersion"] = "1.0",
            ["timestamp"] = t.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["accountId"] = ctx.Tenant.AwsAccountId,
            ["identity"] = new JsonObject { ["arn"] = $"arn:aws:sts::{ctx.Tenant.AwsAccountId}:assumed-role/ds-bedrock-users/{userName}" },
            ["region"] = "eu-west-1",
            ["requestId"] = requestId,
            ["operation"] = "InvokeModel",
            ["modelId"] = modelId,
            ["input"] = new JsonObject
            {
                ["inputContentType"] = "application/json",
                ["inputBodyJson"] = new JsonObject
                {
                    ["anthropic_version"] = "bedrock-2023-05-31",
                    ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
                },
                ["inputTokenCount"] = inputTokens,
            },
            ["output"] = new JsonObject
            {
                ["outputContentType"] = "application/json",
                ["outputBodyJson"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = answer }),
                    ["stop_reason"] = "end_turn",
                },
                ["outputTokenCount"] = outputTokens,
            },
        };
        ctx.Sink.Row("AWSCloudWatch", t.AddSeconds(2)).Time("ExtractedTime", t.AddSeconds(2)).JsonText("Message", record).End();
    }

    public void BedrockRetrieve(DateTime t, string userName, string knowledgeBaseId, string query, string ip, SeededRandom r) =>
        CloudTrail(t, userName, "Retrieve", new JsonObject
        {
            ["knowledgeBaseId"] = knowledgeBaseId,
            ["retrievalQuery"] = new JsonObject { ["text"] = query },
        }, ip, managementEvent: false, r);

    private void CloudTrail(DateTime t, string userName, string eventName, JsonObject request, string ip, bool managementEvent, SeededRandom r,
        string? requestId = null)
    {
        var account = ctx.Tenant.AwsAccountId;
        ctx.Sink.Row("AWSCloudTrail", t)
            .Str("AwsEventId", r.GuidString()).Str("AWSRegion", "eu-west-1").Str("AwsRequestId_", requestId ?? r.GuidString())
            .Str("Category", managementEvent ? "Management" : "Data").Str("EventName", eventName).Str("EventSource", "bedrock.amazonaws.com")
            .Str("EventTypeName", "AwsApiCall").Str("EventVersion", "1.09").Bool("ManagementEvent", managementEvent)
            .Str("OperationName", "CloudTrail").Bool("ReadOnly", true).Str("RecipientAccountId", account)
            .JsonText("RequestParameters", request).Str("SourceIpAddress", ip).Str("UserAgent", "Boto3/1.34.131 md/Botocore#1.34.131")
            .Str("UserIdentityAccountId", account).Str("UserIdentityArn", $"arn:aws:sts::{account}:assumed-role/ds-bedrock-users/{userName}")
            .Str("UserIdentityPrincipalid", "AROA" + r.Hex(16).ToUpperInvariant() + ":" + userName).Str("UserIdentityType", "AssumedRole")
            .Str("UserIdentityUserName", userName).Str("SessionIssuerUserName", "ds-bedrock-users").Str("SessionIssuerType", "Role")
            .Str("SessionIssuerArn", $"arn:aws:iam::{account}:role/ds-bedrock-users").Str("TlsVersion", "TLSv1.3")
            .End();
    }
}
