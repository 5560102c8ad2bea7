using System.Text.Json;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Examples;
using SentinelAiPack.Telemetry.Arm;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.Tests.Examples;

public class LogsIngestionExampleTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 30, 14, 5, 12, TimeSpan.Zero);

    private static ConversationTurnRow Turn(string text) => ConversationTurnRow.ForMessage(text, (content, sha, truncated, length) => new ConversationTurnRow
    {
        TimeGenerated = At, AppName = "contoso-hr-assistant", AgentName = "hr-benefits-agent", SessionId = "sess-1",
        ConversationId = "conv-1", TurnIndex = 0, MessageId = "msg-1", Role = "user", UserPrincipalName = "alice@contoso.com",
        UserObjectId = "0b7e5c3a-1f2d-4e6b-9a8c-5d4e3f2a1b0c", ClientIp = "203.0.113.24", Deployment = "gpt-4o-prod",
        Content = content, ContentSha256 = sha, ContentTruncated = truncated, ContentLength = length, DeliveryStatus = "Delivered",
        ToolCallIds = ["call_1"], InputTokens = 12,
    });

    private static ToolCallRow Call() => new()
    {
        TimeGenerated = At, AppName = "contoso-sales-copilot", AgentName = "sales-assistant", SessionId = "sess-2", ConversationId = "conv-2",
        TurnIndex = 1, ToolCallId = "call_1", ToolName = "send_email", ToolCategory = "email", ActionKind = "send",
        Arguments = JsonDocument.Parse("""{"to":"bob@contoso.com","subject":"Q3"}""").RootElement, PrimaryTarget = "bob@contoso.com",
        TargetType = "email", TargetDomain = "contoso.com", ResultStatus = "Success", ApprovalStatus = "NotRequired",
        UserPrincipalName = "alice@contoso.com", UserObjectId = "0b7e5c3a-1f2d-4e6b-9a8c-5d4e3f2a1b0c", DurationMs = 182.5,
    };

    private static void AssertMatchesStream(string body, TableSchema table)
    {
        var stream = CustomTableColumns.Sent(table).ToDictionary(c => c.Name, c => ArmColumnTypes.ForStream(c.Type));
        using var document = JsonDocument.Parse(body);
        Assert.That(document.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
        foreach (var row in document.RootElement.EnumerateArray())
        {
            foreach (var property in row.EnumerateObject())
            {
                Assert.That(stream, Does.ContainKey(property.Name), $"{table.Name} has no column {property.Name}");
                var kind = property.Value.ValueKind;
                var ok = stream[property.Name] switch
                {
                    "string" or "datetime" => kind == JsonValueKind.String,
                    "int" or "long" or "real" => kind == JsonValueKind.Number,
                    "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                    _ => kind is JsonValueKind.Object or JsonValueKind.Array,
                };
                Assert.That(ok, Is.True, $"{table.Name}.{property.Name} is sent as {kind}, the stream expects {stream[property.Name]}");
            }
        }
    }

    [Test]
    public void Turn_rows_have_the_columns_and_types_of_the_turn_stream() =>
        AssertMatchesStream(AiTelemetryClient.ToBody([Turn("What is the leave policy?")]), PackSchemas.Get("AIConversationTurn_CL"));

    [Test]
    public void Tool_call_rows_have_the_columns_and_types_of_the_tool_call_stream() =>
        AssertMatchesStream(AiTelemetryClient.ToBody([Call()]), PackSchemas.Get("AIToolCall_CL"));

    [Test]
    public void Long_messages_are_capped_and_hashed_in_full()
    {
        var text = new string('x', 9000);

        var row = Turn(text);

        Assert.That(row.Content, Has.Length.EqualTo(ConversationTurnRow.ContentCap));
        Assert.That(row.ContentTruncated, Is.True);
        Assert.That(row.ContentLength, Is.EqualTo(9000));
        Assert.That(row.ContentSha256, Is.EqualTo(ConversationTurnRow.Sha256Hex(text)).And.Match("^[0-9a-f]{64}$"));
    }
}
