using SentinelAiPack.Enrichment.Incidents;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>One message of the transcript (AIConversationTurns).</summary>
public sealed record TranscriptTurn(
    DateTimeOffset? Time,
    string SessionId,
    string ConversationId,
    long? TurnIndex,
    string MessageId,
    string Role,
    string User,
    string ClientIp,
    string App,
    string Deployment,
    string Content,
    long? ContentLength,
    string ContentSha256,
    string DeliveryStatus,
    string FinishReason)
{
    /// <summary>True for a message the user typed.</summary>
    public bool IsUser => Role.Equals("user", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a model answer.</summary>
    public bool IsAssistant => Role.Equals("assistant", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the message reached its recipient (Delivered or Redacted).</summary>
    public bool WasDelivered => DeliveryStatus is "" || DeliveryStatus.Equals("Delivered", StringComparison.OrdinalIgnoreCase) || DeliveryStatus.Equals("Redacted", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A detected content-safety or Prompt Shields finding (AIContentSafetyVerdicts, detected only).</summary>
public sealed record SafetyFinding(
    DateTimeOffset? Time,
    string SessionId,
    string ConversationId,
    long? TurnIndex,
    string MessageId,
    string ToolCallId,
    string DocumentId,
    string TextSource,
    string Detector,
    string Category,
    string Severity,
    string Action,
    string Snippet,
    IReadOnlyList<string> Entities)
{
    /// <summary>True when the finding is an injection (jailbreak or indirect attack).</summary>
    public bool IsInjection => Category.Equals("Jailbreak", StringComparison.OrdinalIgnoreCase) || Category.Equals("IndirectAttack", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the analyzed text was the user's prompt.</summary>
    public bool OnUserPrompt => TextSource.Equals("UserPrompt", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the analyzed text was a retrieved document or tool output (content the user did not type).</summary>
    public bool OnRetrievedContent => TextSource.Equals("Document", StringComparison.OrdinalIgnoreCase) || TextSource.Equals("ToolOutput", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the analyzed text was the model's answer.</summary>
    public bool OnModelOutput => TextSource.Equals("ModelOutput", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the application stopped the text (it did not reach its recipient).</summary>
    public bool WasBlocked => Action.Equals("Blocked", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A tool call of the session (AIToolCalls).</summary>
public sealed record ToolCallRecord(
    DateTimeOffset? Time,
    string SessionId,
    long? TurnIndex,
    string ToolCallId,
    string ToolName,
    string ToolCategory,
    string McpServer,
    string ActionKind,
    string Arguments,
    string PrimaryTarget,
    string TargetType,
    string TargetDomain,
    double? Amount,
    string ResultStatus,
    string ApprovalStatus);

/// <summary>A document retrieved for the session (AIRetrievals).</summary>
public sealed record RetrievedDocument(
    DateTimeOffset? Time,
    string SessionId,
    long? TurnIndex,
    string IndexName,
    string DocumentId,
    string DocumentUri,
    string DocumentOwner,
    string SensitivityLabel,
    bool? UserInAcl,
    string ContentSafetyVerdict,
    IReadOnlyList<string> EmbeddedUrls,
    IReadOnlyList<string> EmbeddedEmails,
    string Snippet)
{
    /// <summary>True when Prompt Shields flagged instructions aimed at the model in the document.</summary>
    public bool IsFlagged => ContentSafetyVerdict.Equals("IndirectAttack", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Another session of the same user.</summary>
public sealed record RelatedSession(
    string SessionId,
    string User,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    long Prompts,
    long Conversations,
    string Apps,
    string ClientIps,
    long InjectionFindings);

/// <summary>How far one payload spread across users.</summary>
public sealed record PayloadSpread(string ContentSha256, long Users, long Sessions, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, string SampleUsers);

/// <summary>A part of the evidence that could not be read, and why (shown in the comment; the rest is still used).</summary>
public sealed record EvidenceGap(string Section, string Reason);

/// <summary>Everything the conversation enricher read about an incident.</summary>
public sealed record ConversationEvidence
{
    /// <summary>What the incident is about.</summary>
    public required IncidentSubject Subject { get; init; }

    /// <summary>The window the transcript, findings and tool calls were read in.</summary>
    public required (DateTimeOffset Start, DateTimeOffset End) Window { get; init; }

    /// <summary>Messages, oldest first.</summary>
    public IReadOnlyList<TranscriptTurn> Turns { get; init; } = [];

    /// <summary>Detected content-safety findings, oldest first.</summary>
    public IReadOnlyList<SafetyFinding> Findings { get; init; } = [];

    /// <summary>Tool calls, oldest first.</summary>
    public IReadOnlyList<ToolCallRecord> ToolCalls { get; init; } = [];

    /// <summary>Retrieved documents, oldest first.</summary>
    public IReadOnlyList<RetrievedDocument> Retrievals { get; init; } = [];

    /// <summary>Other sessions of the incident's users.</summary>
    public IReadOnlyList<RelatedSession> RelatedSessions { get; init; } = [];

    /// <summary>Spread of the injection payloads across users.</summary>
    public IReadOnlyList<PayloadSpread> PayloadSpread { get; init; } = [];

    /// <summary>Look-back of <see cref="RelatedSessions"/>.</summary>
    public TimeSpan RelatedSessionsLookback { get; init; }

    /// <summary>Parts that could not be read.</summary>
    public IReadOnlyList<EvidenceGap> Gaps { get; init; } = [];
}
