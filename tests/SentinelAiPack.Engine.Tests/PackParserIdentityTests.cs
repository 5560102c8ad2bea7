using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Tests;

/// <summary>
/// Gateway and OpenTelemetry legs carry the end user those sources log (API Management headers and the request's
/// user_security_context, OpenTelemetry enduser.id / user.id attributes), so per-user rules never have to fall
/// back to the caller IP, which behind an application backend is the backend's address for every user.
/// </summary>
public class PackParserIdentityTests
{
    private const string Backend = "10.20.0.4";

    /// <summary>Rows of a pack table from a JSON array, typed by the table's schema.</summary>
    internal static Table Rows(string table, string json)
    {
        var schema = SchemaConversion.EmptyTables(PackContent.Schemas)[table];
        using var reader = new StringReader(json);
        return TableReader.Read(reader, TableFormat.JsonArray, schema);
    }

    private static List<string> Run(string query, params (string Table, string Json)[] data) =>
        EngineHarness.Run(query, data.ToDictionary(d => d.Table, d => Rows(d.Table, d.Json)), PackContent.Schemas)
            .Rows().Select(r => string.Join("|", r.Select(v => v is null ? "" : Values.ToKustoString(v)))).ToList();

    private static string LlmRequest(string correlationId, string prompt) => $$"""
        {"TimeGenerated":"2026-03-01T11:50:00Z","CorrelationId":"{{correlationId}}","SequenceNumber":1,
         "DeploymentName":"gpt-4o","ModelName":"gpt-4o-2024-11-20",
         "RequestMessages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"{{prompt}}"}]}
        """;

    private static string Gateway(string correlationId, string headers, string body = "") => $$"""
        {"TimeGenerated":"2026-03-01T11:50:00Z","CorrelationId":"{{correlationId}}","CallerIpAddress":"{{Backend}}",
         "ResponseCode":200,"ApiId":"chat-api","ApimSubscriptionId":"sub-chat-backend","RequestHeaders":{{headers}},
         "RequestBody":{{System.Text.Json.JsonSerializer.Serialize(body)}}}
        """;

    [Test]
    public void Api_management_turns_take_the_user_from_the_easy_auth_headers_not_the_backend_ip()
    {
        var rows = Run("AIConversationTurns() | where Role == 'user' | order by CorrelationId asc | project CorrelationId, UserPrincipalName, UserObjectId",
            ("ApiManagementGatewayLlmLog", $"[{LlmRequest("c1", "hello")},{LlmRequest("c2", "hi")}]"),
            ("ApiManagementGatewayLogs", "[" +
                Gateway("c1", """{"x-ms-client-principal-name":"Alice@Contoso.com","x-ms-client-principal-id":"0b7e5c3a-1f2d-4e6b-9a8c-5d4e3f2a1b0c"}""") + "," +
                Gateway("c2", """{"X-MS-CLIENT-PRINCIPAL-NAME":"bob@contoso.com"}""") + "]"));

        Assert.That(rows, Is.EqualTo(new[]
        {
            "c1|alice@contoso.com|0b7e5c3a-1f2d-4e6b-9a8c-5d4e3f2a1b0c",
            "c2|bob@contoso.com|",
        }));
    }

    [Test]
    public void Api_management_turns_take_the_user_from_user_security_context_in_the_request_body()
    {
        const string body = """{"messages":[{"role":"user","content":"hello"}],"user_security_context":{"application_name":"contoso-chat","end_user_id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","source_ip":"203.0.113.24"}}""";
        var rows = Run("AIConversationTurns() | where Role == 'user' | project UserPrincipalName, UserObjectId, ClientIp",
            ("ApiManagementGatewayLlmLog", $"[{LlmRequest("c1", "hello")}]"),
            ("ApiManagementGatewayLogs", $"[{Gateway("c1", "{}", body)}]"));

        Assert.That(rows, Is.EqualTo(new[] { "|1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d|203.0.113.24" }));
    }

    [Test]
    public void Api_management_tool_calls_and_content_safety_blocks_carry_the_same_user()
    {
        const string mcp = """
            [{"TimeGenerated":"2026-03-01T11:50:00Z","CorrelationId":"m1","Method":"tools/call","ToolName":"send_email","ClientName":"helpdesk-agent","ServerName":"mail-mcp"}]
            """;
        const string headers = """{"x-ms-client-principal-name":"carol@contoso.com"}""";
        var blocked = Gateway("b1", headers).Replace("\"ResponseCode\":200", "\"ResponseCode\":403,\"LastErrorSource\":\"llm-content-safety\",\"LastErrorMessage\":\"jailbreak detected\"", StringComparison.Ordinal);

        var tools = Run("AIToolCalls() | project UserPrincipalName",
            ("ApiManagementGatewayMCPLog", mcp), ("ApiManagementGatewayLogs", $"[{Gateway("m1", headers)}]"));
        var verdicts = Run("AIContentSafetyVerdicts() | project UserPrincipalName, Category",
            ("ApiManagementGatewayLogs", $"[{blocked}]"));

        Assert.That(tools, Is.EqualTo(new[] { "carol@contoso.com" }));
        Assert.That(verdicts, Is.EqualTo(new[] { "carol@contoso.com|Jailbreak" }));
    }

    [Test]
    public void OpenTelemetry_spans_take_the_user_from_enduser_id_when_application_insights_has_no_authenticated_user()
    {
        const string spans = """
            [{"TimeGenerated":"2026-03-01T11:50:00Z","Id":"span-1","OperationId":"op-1","AppRoleName":"contoso-chat","ClientIP":"10.20.0.4","Success":true,
              "Properties":{"gen_ai.operation.name":"chat","enduser.id":"dave@contoso.com","gen_ai.input.messages":"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]"}},
             {"TimeGenerated":"2026-03-01T11:51:00Z","Id":"span-2","OperationId":"op-2","AppRoleName":"contoso-agent","ClientIP":"10.20.0.4","Success":true,
              "Properties":{"gen_ai.operation.name":"execute_tool","gen_ai.tool.name":"lookup_order","user.id":"3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f"}}]
            """;
        var turns = Run("AIConversationTurns() | project UserPrincipalName, UserObjectId", ("AppDependencies", spans));
        var tools = Run("AIToolCalls() | project UserPrincipalName, UserObjectId", ("AppDependencies", spans));

        Assert.That(turns, Is.EqualTo(new[] { "dave@contoso.com|dave@contoso.com" }));
        Assert.That(tools, Is.EqualTo(new[] { "|3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f" }));
    }
}
