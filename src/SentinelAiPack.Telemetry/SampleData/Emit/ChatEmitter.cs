using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>
/// Writes conversation messages (AIConversationTurn_CL) and the model calls behind them the way each channel logs
/// them: API Management (ApiManagementGatewayLlmLog + ApiManagementGatewayLogs), OpenTelemetry (AppDependencies chat
/// spans) and the Azure OpenAI resource log (AzureDiagnostics RequestResponse).
/// </summary>
public sealed class ChatEmitter(GenerationContext ctx)
{
    public const int ContentCap = 8000;
    private const string ApiVersion = "2024-10-21";
    private const string ApimOutboundIp = "198.51.100.200";

    public void Message(Conversation c, DateTime t, int turn, string messageId, string role, string text, string delivery,
        string correlationId, string operationId, string? finishReason = null, int? inputTokens = null, int? outputTokens = null,
        IReadOnlyList<string>? toolCallIds = null, string? model = null, string? version = null, string? responseId = null)
    {
        var capped = text.Length > ContentCap ? text[..ContentCap] : text;
        ctx.Sink.Row("AIConversationTurn_CL", t)
            .Str("AppName", c.App.Name).Str("AgentName", c.App.AgentName).Str("AgentId", c.App.AgentId)
            .Str("SessionId", c.SessionId).Str("ConversationId", c.ConversationId).Int("TurnIndex", turn)
            .Str("MessageId", messageId).Str("Role", role)
            .Str("UserPrincipalName", c.User.Upn).Str("UserObjectId", c.User.ObjectId).Str("ClientIp", c.ClientIp)
            .Str("UserAgent", c.User.UserAgent).Str("Deployment", c.App.Deployment.Name)
            .Str("ModelName", model).Str("ModelVersion", version).Str("Provider", "azure.ai.openai")
            .Str("Endpoint", SimulatedTenant.OpenAIAccount + ".openai.azure.com")
            .Str("Content", capped).Bool("ContentTruncated", text.Length > ContentCap).Str("ContentSha256", Hashing.Sha256Hex(text))
            .Int("ContentLength", text.Length).Int("InputTokens", inputTokens).Int("OutputTokens", outputTokens)
            .Str("DeliveryStatus", delivery).Str("FinishReason", finishReason).Str("ResponseId", responseId)
            .Dyn("ToolCallIds", toolCallIds is { Count: > 0 } ? new JsonArray([.. toolCallIds.Select(id => (JsonNode?)id)]) : null)
            .Str("OperationId", operationId).Str("CorrelationId", correlationId)
            .End();
    }

    /// <summary>
    /// One call to the model. <paramref name="answer"/> is null when the call produced no answer (blocked or failed);
    /// <paramref name="toolCalls"/> are the tool calls the model requested.
    /// </summary>
    public void ModelCall(Conversation c, DateTime start, int latencyMs, IReadOnlyList<(string Role, string Text)> request,
        string? answer, string finishReason, int status, int inputTokens, int outputTokens, string correlationId,
        string operationId, string spanId, IReadOnlyList<JsonObject> toolCalls, bool blockedAtGateway, SeededRandom r)
    {
        var deployment = c.App.Deployment;
        var version = ctx.Behavior.VersionAt(deployment.Name, start) ?? deployment.ModelVersion;
        var end = start.AddMilliseconds(latencyMs);
        if (!blockedAtGateway)
        {
            OpenAIRequestLog(c, start, end, latencyMs, request, answer, status, version, r);
        }

        if (c.App.Channel == AppChannel.ApiManagement)
        {
            GatewayLogs(c, start, end, latencyMs, request, answer, finishReason, status, inputTokens, outputTokens, correlationId,
                version, toolCalls, blockedAtGateway, r);
        }
        else
        {
            ChatSpan(c, start, latencyMs, request, answer, finishReason, status, inputTokens, outputTokens, operationId, spanId, version, toolCalls);
        }
    }

    private void OpenAIRequestLog(Conversation c, DateTime start, DateTime end, int latencyMs, IReadOnlyList<(string Role, string Text)> request,
        string? answer, int status, string version, SeededRandom r)
    {
        var deployment = c.App.Deployment;
        var callerIp = c.App.Channel == AppChannel.ApiManagement ? ApimOutboundIp : c.App.OutboundIp;
        var properties = new JsonObject
        {
            ["apiName"] = "Azure OpenAI API version " + ApiVersion,
            ["requestTime"] = start.Ticks,
            ["requestLength"] = request.Sum(m => m.Text.Length) + 120,
            ["responseTime"] = end.Ticks,
            ["responseLength"] = (answer?.Length ?? 0) + 380,
            ["objectId"] = StableIds.Guid("caller/" + (c.App.Channel == AppChannel.ApiManagement ? SimulatedTenant.ApimService : c.App.Name)),
            ["streamType"] = "Non-Streaming",
            ["modelDeploymentName"] = deployment.Name,
            ["modelName"] = deployment.ModelName,
            ["modelVersion"] = version,
        };
        var resourceId = ctx.Tenant.OpenAIResourceId;
        ctx.Sink.Row("AzureDiagnostics", start)
            .Str("ResourceId", resourceId.ToUpperInvariant()).Str("_ResourceId", resourceId.ToLowerInvariant())
            .Str("SubscriptionId", ctx.Tenant.SubscriptionId).Str("ResourceGroup", SimulatedTenant.ResourceGroup.ToUpperInvariant())
            .Str("ResourceProvider", "MICROSOFT.COGNITIVESERVICES").Str("ResourceType", "ACCOUNTS")
            .Str("Resource", SimulatedTenant.OpenAIAccount.ToUpperInvariant()).Str("Category", "RequestResponse")
            .Str("OperationName", "ChatCompletions_Create").Str("OperationVersion", ApiVersion)
            .Str("ResultType", status is >= 200 and < 300 ? "Succeeded" : "Failed")
            .Str("ResultSignature", status.ToString(CultureInfo.InvariantCulture)).Long("DurationMs", latencyMs)
            .Str("CallerIPAddress", MaskLastOctet(callerIp)).Str("CorrelationId", r.GuidString()).Str("Level", "Informational")
            .JsonText("properties_s", properties).Str("event_s", "ShoeboxCallResult")
            .End();
    }

    private void GatewayLogs(Conversation c, DateTime start, DateTime end, int latencyMs, IReadOnlyList<(string Role, string Text)> request,
        string? answer, string finishReason, int status, int inputTokens, int outputTokens, string correlationId, string version,
        IReadOnlyList<JsonObject> toolCalls, bool blockedAtGateway, SeededRandom r)
    {
        var deployment = c.App.Deployment;
        var apim = ctx.Tenant.ApimResourceId;
        var url = $"https://{SimulatedTenant.ApimService}.azure-api.net/openai/deployments/{deployment.Name}/chat/completions?api-version={ApiVersion}";
        var gateway = ctx.Sink.Row("ApiManagementGatewayLogs", start)
            .Str("ApiId", "azure-openai").Str("OperationId", "ChatCompletions_Create").Str("ApiRevision", "1")
            .Str("ApimSubscriptionId", c.App.ApimSubscriptionId).Str("ProductId", "ai-apps").Str("Method", "POST").Str("Url", url)
            .Str("CallerIpAddress", c.App.OutboundIp).Str("Category", "GatewayLogs").Str("CorrelationId", correlationId)
            .Str("ClientProtocol", "HTTP/1.1").Str("ClientTlsVersion", "TLSv1.3").Str("Region", "West Europe")
            .Int("ResponseCode", status).Bool("IsRequestSuccess", status is >= 200 and < 300)
            .Int("RequestSize", request.Sum(m => m.Text.Length) + 400).Int("ResponseSize", (answer?.Length ?? 60) + 600)
            .Long("TotalTime", latencyMs + 12).Long("ClientTime", 3).Time("Timestamp", start).Str("Cache", "none");
        if (blockedAtGateway)
        {
            gateway.Str("LastErrorSource", "llm-content-safety").Str("LastErrorReason", "ContentSafetyBlocked")
                .Str("LastErrorMessage", "Request blocked by content safety: jailbreak attack detected (Prompt Shields).")
                .Str("LastErrorSection", "inbound").End();
            return;
        }

        gateway.Str("BackendId", "aoai-prod").Str("BackendMethod", "POST").Str("BackendProtocol", "HTTP/1.1")
            .Str("BackendUrl", $"https://{SimulatedTenant.OpenAIAccount}.openai.azure.com/openai/deployments/{deployment.Name}/chat/completions")
            .Int("BackendResponseCode", status).Long("BackendTime", latencyMs).End();

        var requestId = "chatcmpl-" + r.Hex(24);
        ctx.Sink.Row("ApiManagementGatewayLlmLog", start)
            .Str("ApiVersion", ApiVersion).Str("CorrelationId", correlationId).Str("DeploymentName", deployment.Name)
            .Str("ModelName", deployment.ModelName + "-" + version).Bool("IsStreamCompletion", false).Str("OperationName", "ChatCompletions_Create")
            .Int("PromptTokens", inputTokens).Int("CompletionTokens", outputTokens).Int("TotalTokens", inputTokens + outputTokens)
            .Str("Region", "West Europe").Str("RequestId", requestId).Int("SequenceNumber", 0).Str("_ResourceId", apim.ToLowerInvariant())
            .End();
        var messages = new JsonArray { Msg("system", c.App.SystemPrompt) };
        foreach (var (role, text) in request)
        {
            messages.Add(Msg(role, text));
        }

        ctx.Sink.Row("ApiManagementGatewayLlmLog", start).Str("CorrelationId", correlationId).Str("RequestId", requestId)
            .Int("SequenceNumber", 1).Dyn("RequestMessages", messages).Str("_ResourceId", apim.ToLowerInvariant()).End();
        if (answer is not null)
        {
            var reply = Msg("assistant", answer);
            reply["finish_reason"] = finishReason;
            if (toolCalls.Count > 0)
            {
                reply["tool_calls"] = new JsonArray([.. toolCalls.Select(t => (JsonNode?)t.DeepClone())]);
            }

            ctx.Sink.Row("ApiManagementGatewayLlmLog", end).Str("CorrelationId", correlationId).Str("RequestId", requestId)
                .Int("SequenceNumber", 2).Dyn("ResponseMessages", new JsonArray(reply)).Str("_ResourceId", apim.ToLowerInvariant()).End();
        }
    }

    private void ChatSpan(Conversation c, DateTime start, int latencyMs, IReadOnlyList<(string Role, string Text)> request, string? answer,
        string finishReason, int status, int inputTokens, int outputTokens, string operationId, string spanId, string version,
        IReadOnlyList<JsonObject> toolCalls)
    {
        var deployment = c.App.Deployment;
        var input = new JsonArray();
        foreach (var (role, text) in request)
        {
            input.Add(Parts(role, text));
        }

        var properties = new JsonObject
        {
            ["gen_ai.operation.name"] = "chat",
            ["gen_ai.provider.name"] = "azure.ai.openai",
            ["gen_ai.request.model"] = deployment.Name,
            ["gen_ai.response.model"] = deployment.ModelName + "-" + version,
            ["gen_ai.conversation.id"] = c.ConversationId,
            ["gen_ai.agent.name"] = c.App.AgentName,
            ["gen_ai.agent.id"] = c.App.AgentId,
            ["gen_ai.usage.input_tokens"] = inputTokens.ToString(CultureInfo.InvariantCulture),
            ["gen_ai.usage.output_tokens"] = outputTokens.ToString(CultureInfo.InvariantCulture),
            ["gen_ai.response.finish_reasons"] = new JsonArray(finishReason).ToJsonString(),
            ["gen_ai.input.messages"] = input.ToJsonString(),
            ["server.address"] = SimulatedTenant.OpenAIAccount + ".openai.azure.com",
        };
        if (answer is not null)
        {
            var output = Parts("assistant", answer);
            output["finish_reason"] = finishReason;
            foreach (var call in toolCalls)
            {
                output["parts"]!.AsArray().Add(new JsonObject { ["type"] = "tool_call", ["id"] = call["id"]!.DeepClone(), ["name"] = call["name"]!.DeepClone() });
            }

            properties["gen_ai.output.messages"] = new JsonArray(output).ToJsonString();
        }

        if (status != 200)
        {
            properties["error.type"] = status == 400 ? "content_filter" : status.ToString(CultureInfo.InvariantCulture);
        }

        AppDependency(c, start, latencyMs, "chat " + deployment.Name, spanId, operationId, operationId[16..],
            status == 200, status.ToString(CultureInfo.InvariantCulture), SimulatedTenant.OpenAIAccount + ".openai.azure.com", properties);
    }

    /// <summary>An Application Insights dependency row for an OpenTelemetry span of the application.</summary>
    internal void AppDependency(Conversation c, DateTime start, int durationMs, string name, string spanId, string operationId, string parentId,
        bool success, string resultCode, string target, JsonObject properties)
    {
        ctx.Sink.Row("AppDependencies", start)
            .Str("AppRoleName", c.App.Name).Str("AppRoleInstance", c.App.RoleInstance).Str("AppVersion", "2.4.1")
            .Str("ClientIP", "0.0.0.0").Str("ClientType", "PC").Str("DependencyType", "GenAI").Real("DurationMs", durationMs, 1)
            .Str("Id", spanId).Str("Name", name).Str("OperationId", operationId).Str("OperationName", "POST /api/chat")
            .Str("ParentId", parentId).Dyn("Properties", properties).Str("ResultCode", resultCode).Str("SDKVersion", "otel1.12.0:dotnet")
            .Str("SessionId", c.SessionId).Bool("Success", success).Str("Target", target).Int("ItemCount", 1)
            .Str("UserAuthenticatedId", c.User.ObjectId).Str("_ResourceId", ctx.Tenant.AppInsightsResourceId.ToLowerInvariant())
            .Str("IKey", StableIds.Guid("ikey/appi-ai-apps"))
            .End();
    }

    private static JsonObject Msg(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static JsonObject Parts(string role, string content) =>
        new() { ["role"] = role, ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = content }) };

    private static string MaskLastOctet(string ip) => ip[..(ip.LastIndexOf('.') + 1)] + "***";
}
