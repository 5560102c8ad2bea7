using System.Collections.Concurrent;
using SentinelAiPack.Enrichment.Queries;
using SentinelAiPack.TestSupport.LogAnalytics;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// A query executor with fixed answers per enricher query (recognised by its body), for tests where the content of the
/// answer matters more than computing it: hostile text, huge values, faults. Unlisted queries answer no rows.
/// </summary>
public sealed class CannedExecutor
{
    private readonly ConcurrentDictionary<string, QueryResult> _answers = new();

    /// <summary>Every query text received.</summary>
    public ConcurrentQueue<string> Texts { get; } = new();

    public CannedExecutor Answer(EnrichmentQuery query, IEnumerable<(string Name, string Type)> columns, params object?[][] rows)
    {
        _answers[query.Name] = QueryResult.Single(columns, rows);
        return this;
    }

    public QueryResult Execute(string text, string? timespan)
    {
        Texts.Enqueue(text);
        var query = EnrichmentQueries.All.FirstOrDefault(q => text.EndsWith(q.Body, StringComparison.Ordinal));
        return query is not null && _answers.TryGetValue(query.Name, out var answer) ? answer : QueryResult.Single([("Empty", "string")], []);
    }

    public static readonly (string, string)[] TurnColumns =
    [
        ("TimeGenerated", "datetime"), ("SessionId", "string"), ("ConversationId", "string"), ("TurnIndex", "int"), ("MessageId", "string"),
        ("Role", "string"), ("UserPrincipalName", "string"), ("ClientIp", "string"), ("AppName", "string"), ("Deployment", "string"),
        ("ModelName", "string"), ("Content", "string"), ("ContentLength", "int"), ("ContentSha256", "string"), ("DeliveryStatus", "string"),
        ("FinishReason", "string"), ("EventSource", "string"),
    ];

    public static readonly (string, string)[] FindingColumns =
    [
        ("TimeGenerated", "datetime"), ("SessionId", "string"), ("ConversationId", "string"), ("TurnIndex", "int"), ("MessageId", "string"),
        ("ToolCallId", "string"), ("DocumentId", "string"), ("TextSource", "string"), ("Detector", "string"), ("Category", "string"),
        ("Severity", "string"), ("Action", "string"), ("TextSha256", "string"), ("TextSnippet", "string"), ("MatchedEntities", "string"), ("EventSource", "string"),
    ];

    public static readonly (string, string)[] ToolColumns =
    [
        ("TimeGenerated", "datetime"), ("SessionId", "string"), ("ConversationId", "string"), ("TurnIndex", "int"), ("ToolCallId", "string"),
        ("ToolName", "string"), ("ToolCategory", "string"), ("McpServer", "string"), ("ActionKind", "string"), ("Arguments", "string"),
        ("PrimaryTarget", "string"), ("TargetType", "string"), ("TargetDomain", "string"), ("Amount", "real"), ("ResultStatus", "string"),
        ("ApprovalStatus", "string"), ("ErrorMessage", "string"), ("EventSource", "string"),
    ];

    public static readonly (string, string)[] RetrievalColumns =
    [
        ("TimeGenerated", "datetime"), ("SessionId", "string"), ("ConversationId", "string"), ("TurnIndex", "int"), ("RetrievalId", "string"),
        ("IndexName", "string"), ("DocumentId", "string"), ("DocumentUri", "string"), ("DocumentOwner", "string"), ("SensitivityLabel", "string"),
        ("AclEnforced", "bool"), ("UserInAcl", "bool"), ("ContentSafetyVerdict", "string"), ("EmbeddedUrls", "string"), ("EmbeddedEmails", "string"),
        ("ContentSnippet", "string"), ("EventSource", "string"),
    ];

    /// <summary>A transcript row.</summary>
    public static object?[] Turn(DateTimeOffset at, int turn, string role, string content, string session = "sess-1", string user = "alice@contoso.com", string delivery = "Delivered") =>
        [at, session, "conv-1", turn, $"msg-{turn}-{role}", role, user, "203.0.113.5", "contoso-hr-assistant", "gpt-4o-prod", "gpt-4o", content, content.Length, new string('a', 64), delivery, role == "assistant" ? "stop" : null, "AIConversationTurn_CL"];

    /// <summary>A jailbreak finding on the user prompt of <paramref name="turn"/>.</summary>
    public static object?[] Jailbreak(DateTimeOffset at, int turn, string snippet = "ignore previous instructions") =>
        [at, "sess-1", "conv-1", turn, $"msg-{turn}-user", null, null, "UserPrompt", "PromptShields", "Jailbreak", "High", "Annotated", null, snippet, "[]", "AIContentSafety_CL"];

    /// <summary>A tool call.</summary>
    public static object?[] Tool(DateTimeOffset at, int turn, string name, string action, string arguments, string target, string targetType) =>
        [at, "sess-1", "conv-1", turn, "call-" + name, name, "other", "", action, arguments, target, targetType, "", null, "Success", "NotRequired", null, "AIToolCall_CL"];
}
