using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>
/// Writes one tool call the way it is logged: AIToolCall_CL always; ApiManagementGatewayMCPLog (+ gateway log) for
/// MCP tools behind API Management; AppRequests for the MCP server monitored with Application Insights payload
/// logging; an execute_tool span for applications instrumented with OpenTelemetry.
/// </summary>
public sealed class ToolEmitter(GenerationContext ctx)
{
    /// <summary>MCP servers whose API Management API sends request telemetry to Application Insights instead of GatewayMCPLogs.</summary>
    private static readonly HashSet<string> InsightsMonitoredServers = new(StringComparer.Ordinal) { "contoso-ticketing-mcp" };

    public void Call(Conversation c, DateTime t, int turn, string triggeringMessageId, string toolCallId, ToolStep step, int durationMs,
        string operationId, SeededRandom r)
    {
        var tool = step.Tool;
        var correlationId = tool.McpServer is null ? string.Empty : r.GuidString();
        var domain = TargetDomain(step.PrimaryTarget);
        var summary = step.Output.Length > 2000 ? step.Output[..2000] : step.Output;
        ctx.Sink.Row("AIToolCall_CL", t)
            .Str("AppName", c.App.Name).Str("AgentName", c.App.AgentName).Str("AgentId", c.App.AgentId).Str("SessionId", c.SessionId)
            .Str("ConversationId", c.ConversationId).Int("TurnIndex", turn).Str("TriggeringMessageId", triggeringMessageId)
            .Str("ToolCallId", toolCallId).Str("ToolName", tool.Name).Str("ToolType", tool.McpServer is null ? "function" : "extension")
            .Str("ToolCategory", tool.Category).Str("McpServer", tool.McpServer).Str("ActionKind", tool.ActionKind)
            .Dyn("Arguments", step.Arguments.DeepClone()).Str("PrimaryTarget", step.PrimaryTarget)
            .Str("TargetType", string.IsNullOrEmpty(step.PrimaryTarget) ? "none" : tool.TargetType).Str("TargetDomain", domain)
            .Real("Amount", step.Amount, 2).Str("ResultStatus", step.ResultStatus).Str("ResultSummary", summary)
            .Str("ErrorMessage", step.ResultStatus == "Failed" ? "tool_error" : null).Str("ApprovalStatus", step.ApprovalStatus)
            .Str("ApprovedBy", step.ApprovedBy).Str("UserPrincipalName", c.User.Upn).Str("UserObjectId", c.User.ObjectId)
            .Str("ClientIp", c.ClientIp).Real("DurationMs", durationMs, 1).Str("OperationId", operationId).Str("CorrelationId", correlationId)
            .End();

        if (tool.McpServer is { } server && c.App.Channel == AppChannel.ApiManagement)
        {
            if (InsightsMonitoredServers.Contains(server))
            {
                McpInsightsRequest(c, t, step, server, durationMs, operationId, r);
            }
            else
            {
                McpGatewayCall(c, t, step, server, durationMs, correlationId, r);
            }
        }

        if (c.App.Channel == AppChannel.OpenTelemetry)
        {
            var properties = new JsonObject
            {
                ["gen_ai.operation.name"] = "execute_tool",
                ["gen_ai.tool.name"] = tool.Name,
                ["gen_ai.tool.call.id"] = toolCallId,
                ["gen_ai.tool.type"] = "function",
                ["gen_ai.tool.call.arguments"] = step.Arguments.ToJsonString(),
                ["gen_ai.tool.call.result"] = summary,
                ["gen_ai.conversation.id"] = c.ConversationId,
                ["gen_ai.agent.name"] = c.App.AgentName,
            };
            if (step.ResultStatus != "Success")
            {
                properties["error.type"] = "tool_error";
            }

            ctx.Chat.AppDependency(c, t, durationMs, "execute_tool " + tool.Name, r.Hex(16), operationId, operationId[16..],
                step.ResultStatus == "Success", step.ResultStatus == "Success" ? "0" : "1", tool.Name, properties);
        }
    }

    public static string TargetDomain(string target)
    {
        if (target.Contains('@', StringComparison.Ordinal) && !target.Contains("://", StringComparison.Ordinal))
        {
            return target[(target.LastIndexOf('@') + 1)..].ToLowerInvariant();
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host.ToLowerInvariant() : string.Empty;
    }

    private void McpGatewayCall(Conversation c, DateTime t, ToolStep step, string server, int durationMs, string correlationId, SeededRandom r)
    {
        if (c.McpServersListed.Add(server))
        {
            var listCorrelation = r.GuidString();
            McpLog(c, t.AddMilliseconds(-180), server, "tools/list", null, listCorrelation, c.App.Tools.Count(x => x.McpServer == server), success: true);
            GatewayLog(c, t.AddMilliseconds(-180), server, listCorrelation, 40, 200);
        }

        McpLog(c, t, server, "tools/call", step.Tool.Name, correlationId, null, step.ResultStatus == "Success");
        GatewayLog(c, t, server, correlationId, durationMs, step.ResultStatus == "Success" ? 200 : 500);
    }

    private void McpLog(Conversation c, DateTime t, string server, string method, string? tool, string correlationId, int? toolCount, bool success) =>
        ctx.Sink.Row("ApiManagementGatewayMCPLog", t)
            .Str("ApiType", "mcp").Str("AuthenticationMethod", "oauth2").Str("ClientName", c.App.AgentName).Str("ClientVersion", "1.4.0")
            .Str("CorrelationId", correlationId).Str("Error", success ? null : "Tool execution failed").Str("ErrorType", success ? null : "tool_error")
            .Str("McpServerEndpoint", $"https://{SimulatedTenant.ApimService}.azure-api.net/mcp/{server}").Str("Method", method)
            .Str("OperationName", "MCP " + method).Str("ProtocolVersion", "2025-06-18").Str("Region", "West Europe")
            .Str("_ResourceId", ctx.Tenant.ApimResourceId.ToLowerInvariant()).Str("ServerName", server).Str("ServerVersion", "1.2.0")
            .Str("SessionId", c.McpSessionId).Int("ToolCount", toolCount).Str("ToolName", tool).Str("TransportType", "streamable-http")
            .End();

    private void GatewayLog(Conversation c, DateTime t, string server, string correlationId, int durationMs, int status) =>
        ctx.Sink.Row("ApiManagementGatewayLogs", t)
            .Str("ApiId", server).Str("OperationId", "mcp").Str("ApiRevision", "1").Str("ApimSubscriptionId", c.App.ApimSubscriptionId)
            .Str("Method", "POST").Str("Url", $"https://{SimulatedTenant.ApimService}.azure-api.net/mcp/{server}")
            .Str("CallerIpAddress", c.App.OutboundIp).Str("Category", "GatewayLogs").Str("CorrelationId", correlationId)
            .Int("ResponseCode", status).Bool("IsRequestSuccess", status == 200).Long("TotalTime", durationMs + 8)
            .Str("BackendId", server).Int("BackendResponseCode", status).Long("BackendTime", durationMs).Time("Timestamp", t)
            .Str("Region", "West Europe").Str("ClientProtocol", "HTTP/1.1").Str("ClientTlsVersion", "TLSv1.3")
            .End();

    private void McpInsightsRequest(Conversation c, DateTime t, ToolStep step, string server, int durationMs, string operationId, SeededRandom r)
    {
        var properties = new JsonObject
        {
            ["gen_ai.operation.name"] = "tools/call",
            ["gen_ai.conversation.id"] = c.McpSessionId,
            ["gen_ai.tool.name"] = step.Tool.Name,
            ["gen_ai.tool.type"] = "function",
            ["gen_ai.tool.call.arguments"] = step.Arguments.ToJsonString(),
            ["gen_ai.tool.call.result"] = step.Output.Length > 500 ? step.Output[..500] : step.Output,
            ["service.name"] = server,
            ["service.version"] = "1.2.0",
            ["user_agent.name"] = c.App.AgentName,
            ["api.type"] = "Mcp",
            ["auth.type"] = "oauth2",
            ["network.protocol.name"] = "http",
        };
        ctx.Sink.Row("AppRequests", t)
            .Str("AppRoleName", SimulatedTenant.ApimService).Str("AppRoleInstance", "apim-westeurope-01").Str("ClientIP", c.App.OutboundIp)
            .Str("ClientType", "PC").Real("DurationMs", durationMs, 1).Str("Id", r.Hex(16)).Str("Name", "tools/call")
            .Str("OperationId", operationId).Str("OperationName", "tools/call").Str("ParentId", operationId[16..])
            .Dyn("Properties", properties).Str("ResultCode", step.ResultStatus == "Success" ? "200" : "500")
            .Bool("Success", step.ResultStatus == "Success").Str("Url", $"https://{SimulatedTenant.ApimService}.azure-api.net/mcp/{server}")
            .Int("ItemCount", 1).Str("SDKVersion", "apim:1.0").Str("_ResourceId", ctx.Tenant.AppInsightsResourceId.ToLowerInvariant())
            .Str("IKey", StableIds.Guid("ikey/appi-ai-apps"))
            .End();
    }

    internal static string Money(double amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
