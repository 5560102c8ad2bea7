using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>A user's conversation with one AI application: ids, next turn number and a short history window.</summary>
public sealed class Conversation(AiApp app, Person user, string sessionId, string conversationId, string clientIp)
{
    public AiApp App { get; } = app;

    public Person User { get; } = user;

    public string SessionId { get; } = sessionId;

    public string ConversationId { get; } = conversationId;

    public string ClientIp { get; } = clientIp;

    public int NextTurn { get; set; }

    /// <summary>The last messages the application replays to the model (user and assistant only).</summary>
    internal List<(string Role, string Text)> History { get; } = [];

    /// <summary>MCP session of the conversation's agent (one per conversation).</summary>
    internal string McpSessionId => "mcp-" + ConversationId[5..];

    /// <summary>MCP servers whose tool list the agent already fetched in this conversation.</summary>
    internal HashSet<string> McpServersListed { get; } = new(StringComparer.Ordinal);
}

/// <summary>A content-safety finding: category, severity, what the application did, and who found it.</summary>
public sealed record Finding(string Category, string Severity, string Action, string Detector)
{
    public IReadOnlyList<string> Entities { get; init; } = [];

    public int SeverityScore => Severity switch { "High" => 6, "Medium" => 4, "Low" => 2, _ => 0 };
}

/// <summary>One tool call of a turn: the tool, its arguments and target, what it returned and how it ended.</summary>
public sealed record ToolStep(ToolSpec Tool, JsonObject Arguments, string PrimaryTarget, string Output)
{
    public string ResultStatus { get; init; } = "Success";

    public string ApprovalStatus { get; init; } = "NotRequired";

    public string? ApprovedBy { get; init; }

    public double? Amount { get; init; }

    /// <summary>Prompt Shields / content-safety finding on the tool output, when the application scans it.</summary>
    public Finding? OutputFinding { get; init; }

    /// <summary>True for tools that return outside content the application scans (http, file, email).</summary>
    public bool ScanOutput => Tool.Category is "http" or "file" or "email";
}

/// <summary>What happens in one turn; benign traffic and attack scenarios both describe turns this way.</summary>
public sealed class TurnScript(string prompt)
{
    public string Prompt { get; } = prompt;

    public Finding? PromptFinding { get; init; }

    /// <summary>The prompt never reached the model (content filter or gateway policy).</summary>
    public bool PromptBlocked { get; init; }

    /// <summary>The block came from the API Management llm-content-safety policy (HTTP 403).</summary>
    public bool BlockedAtGateway { get; init; }

    public string? RetrievalQuery { get; init; }

    public IReadOnlyList<KbDocument> Retrieved { get; init; } = [];

    /// <summary>Findings on retrieved documents by document id.</summary>
    public IReadOnlyDictionary<string, Finding> DocumentFindings { get; init; } = new Dictionary<string, Finding>();

    public bool AclEnforced { get; init; } = true;

    public IReadOnlyList<ToolStep> Tools { get; init; } = [];

    /// <summary>The final answer; null lets the generator write an ordinary one.</summary>
    public string? Answer { get; init; }

    public Finding? AnswerFinding { get; init; }

    /// <summary>Delivered, Blocked or Redacted.</summary>
    public string AnswerDelivery { get; init; } = "Delivered";

    /// <summary>HTTP status of the model call (429 and 500 make a failed turn).</summary>
    public int ModelStatus { get; init; } = 200;
}

/// <summary>Ids and times of a played turn, for scenarios that link later events to it.</summary>
public sealed record TurnOutcome(int TurnIndex, string UserMessageId, string? AnswerMessageId, string CorrelationId, string OperationId, DateTime End);
