namespace SentinelAiPack.Patterns.Kql;

/// <summary>The output schema of AITextAttackSignals: one row per text item and matched family.</summary>
public static class SignalColumns
{
    public sealed record Column(string Name, string Type, string Description);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("TimeGenerated", "datetime", "When the text was sent, returned, retrieved or indexed."),
        new("EventSource", "string", "Table the text came from (through its parser): AIConversationTurn_CL, ApiManagementGatewayLlmLog, AppDependencies, AIRetrieval_CL, AIKnowledgeBaseWrite_CL, AIToolCall_CL, ..."),
        new("Source", "string", "Where the text arrives: UserPrompt, Document (retrieved), ToolOutput, ModelOutput, KnowledgeBaseWrite (indexed)."),
        new("AppName", "string", "Application (the ingestion pipeline for knowledge-base writes)."),
        new("AgentName", "string", "Agent of the conversation, when known."),
        new("SessionId", "string", "Application session id, when known."),
        new("ConversationId", "string", "Conversation id, when known."),
        new("TurnIndex", "int", "Conversation turn, when known."),
        new("MessageId", "string", "Message id (retrieval id for documents)."),
        new("ToolCallId", "string", "Tool call whose result carried the text."),
        new("DocumentId", "string", "Retrieved or indexed document."),
        new("DocumentUri", "string", "Location of the retrieved or indexed document."),
        new("IndexName", "string", "Search index of the document."),
        new("UserPrincipalName", "string", "UPN of the end user (the writer for knowledge-base writes)."),
        new("UserObjectId", "string", "Entra object id of the end user (the writer for knowledge-base writes)."),
        new("ClientIp", "string", "Client IP address as seen by the source."),
        new("Deployment", "string", "Model deployment of the conversation."),
        new("DeliveryStatus", "string", "For model output: Delivered, Blocked, Redacted, Unknown."),
        new("TextSha256", "string", "SHA-256 of the text, when the source logs it."),
        new("TextLength", "int", "Length of the text in characters (the parser reads the first 20,000)."),
        new("TextExcerpt", "string", "The first 300 characters of the text."),
        new("Family", "string", "Attack family (patterns/<family>.yaml): InstructionOverride, GoalHijack, PersonaRolePlay, FakeRoleMarker, SystemPromptExtraction, EncodedPayload, InvisibleUnicode, MarkdownExfiltration, PlantedInstruction."),
        new("Technique", "string", "The family's pattern that matched (for decoded text: the encoding and the family found in it)."),
        new("Evidence", "string", "The matched text (decoded text for encoded payloads), up to 300 characters."),
        new("Encoding", "string", "The encoding the evidence was hidden in (base64, base32, base16, ascii85, rot13, reverse, quoted-printable, url, html, tags), empty for plain text."),
        new("DecodedExcerpt", "string", "For EncodedPayload: the start of the decoded text."),
        new("IsMetaDiscussion", "bool", "True when the text discusses attacks (a question or teaching text quoting the phrase, or a security-training app of the AIPackInjectionTestApps watchlist) rather than making one."),
        new("PatternScore", "int", "Score of the matched pattern, 0-100."),
        new("Score", "int", "PatternScore, capped for meta discussion."),
        new("Severity", "string", "Severity of the signal from Score: High (70+), Medium (40+), Low (20+), Informational."),
        new("CorrelationId", "string", "Request id of the model or tool call, when known."),
        new("ResourceId", "string", "Azure resource of the source, when known."),
        new("IngestionTime", "datetime", "When the text's row reached the workspace (ingestion_time() of its table); rules keep rows by arrival."),
    ];
}
