using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Enrichment.Incidents;
using SentinelAiPack.Enrichment.Queries;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>
/// Reads the evidence the guide's prompt-injection workflow asks for: the transcript around the trigger, content-safety
/// findings, tool calls with their arguments, retrieved documents with their verdicts (steps 1–3), then other sessions
/// of the same user and the same payload from other users (step 4). Every query reads the pack's parsers, is bounded in
/// time and takes its values as parameters.
/// </summary>
public sealed class ConversationEvidenceCollector(QueryRunner runner, EnrichmentOptions options)
{
    /// <summary>Collects the evidence for <paramref name="subject"/>.</summary>
    public async Task<ConversationEvidence> CollectAsync(IncidentSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var reader = new EvidenceReader(runner);
        var now = options.TimeProvider.GetUtcNow();
        var (first, last) = subject.ActivityWindow(now);
        var window = (Start: first - options.TranscriptLookback, End: last + options.TranscriptLookahead);

        subject = await ResolveSessionsAsync(reader, subject, first, last, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TranscriptTurn> turns = [];
        IReadOnlyList<SafetyFinding> findings = [];
        IReadOnlyList<ToolCallRecord> calls = [];
        IReadOnlyList<RetrievedDocument> retrievals = [];
        if (subject.HasConversation)
        {
            var transcript = reader.ReadAsync("Transcript", EnrichmentQueries.ConversationTranscript, ConversationArguments(subject, window), MapTurn, cancellationToken);
            var safety = reader.ReadAsync("Content-safety findings", EnrichmentQueries.ContentSafetyFindings, ConversationArguments(subject, window), MapFinding, cancellationToken);
            var tools = reader.ReadAsync("Tool calls", EnrichmentQueries.ToolCalls, ConversationArguments(subject, window), MapToolCall, cancellationToken);
            var documents = reader.ReadAsync("Retrieved documents", EnrichmentQueries.Retrievals, ConversationArguments(subject, window), MapRetrieval, cancellationToken);
            await Task.WhenAll(transcript, safety, tools, documents).ConfigureAwait(false);
            (turns, findings, calls, retrievals) = (transcript.Result, safety.Result, tools.Result, documents.Result);
        }
        else
        {
            reader.Gap("Transcript", "The incident names no session or conversation (custom details SessionId / ConversationId); there is no transcript to read.");
        }

        var users = subject.Users.Count > 0
            ? subject.Users
            : turns.Select(t => t.User).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(IncidentSubjectReader.MaxValuesPerKind).ToList();
        var related = users.Count > 0
            ? reader.ReadAsync("Other sessions of the user", EnrichmentQueries.UserSessions, new QueryArguments()
                .Time("windowStart", last - options.RelatedSessionsLookback)
                .Time("windowEnd", window.End)
                .List("userList", users)
                .List("sessionIds", subject.SessionIds.Concat(turns.Select(t => t.SessionId)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
                .Long("maxRows", 50), MapRelatedSession, cancellationToken)
            : Task.FromResult<IReadOnlyList<RelatedSession>>([]);

        var (hashes, texts) = Payloads(subject, turns, findings);
        var spread = hashes.Count + texts.Count > 0
            ? reader.ReadAsync("Same payload from other users", EnrichmentQueries.PayloadCampaign, new QueryArguments()
                .Time("windowStart", first - options.CampaignWindow)
                .Time("windowEnd", last + options.CampaignWindow)
                .List("payloadHashes", hashes)
                .List("payloadTexts", texts)
                .Long("maxRows", 20), MapSpread, cancellationToken)
            : Task.FromResult<IReadOnlyList<PayloadSpread>>([]);
        await Task.WhenAll(related, spread).ConfigureAwait(false);

        return new ConversationEvidence
        {
            Subject = subject,
            Window = window,
            Turns = turns,
            Findings = findings,
            ToolCalls = calls,
            Retrievals = retrievals,
            RelatedSessions = related.Result,
            PayloadSpread = spread.Result,
            RelatedSessionsLookback = options.RelatedSessionsLookback,
            Gaps = reader.Gaps,
        };
    }

    /// <summary>
    /// Rules that name the payload and the users but no session (a campaign) get the sessions in which those users sent
    /// it, so the transcript and findings can still be read.
    /// </summary>
    private async Task<IncidentSubject> ResolveSessionsAsync(
        EvidenceReader reader, IncidentSubject subject, DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var hashes = subject.ContentHashes.Where(h => h.Length == 64).ToList();
        if (subject.HasConversation || hashes.Count == 0 || subject.Users.Count == 0)
        {
            return subject;
        }

        var sessions = await reader.ReadAsync("Sessions of the payload", EnrichmentQueries.PayloadSessions, new QueryArguments()
            .Time("windowStart", first - options.CampaignWindow)
            .Time("windowEnd", last + options.TranscriptLookahead)
            .List("userList", subject.Users)
            .List("payloadHashes", hashes)
            .Long("maxRows", 5), (t, r) => (Session: t.Text(r, "SessionId"), Conversation: t.Text(r, "ConversationId")), cancellationToken).ConfigureAwait(false);
        return sessions.Count == 0 ? subject : subject with
        {
            SessionIds = [.. sessions.Select(s => s.Session).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
            ConversationIds = [.. sessions.Select(s => s.Conversation).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The injection payloads: the incident's ContentSha256 details and the user prompts Prompt Shields flagged (by hash,
    /// and by normalized text when the whole text was read).
    /// </summary>
    internal static (IReadOnlyList<string> Hashes, IReadOnlyList<string> Texts) Payloads(
        IncidentSubject subject, IReadOnlyList<TranscriptTurn> turns, IReadOnlyList<SafetyFinding> findings)
    {
        var flagged = findings.Where(f => f.IsInjection && f.OnUserPrompt).ToList();
        var prompts = turns.Where(t => t.IsUser && flagged.Any(f => SameMessage(f, t))).Take(5).ToList();
        var hashes = subject.ContentHashes
            .Concat(prompts.Select(p => p.ContentSha256.ToLowerInvariant()))
            .Where(h => h.Length == 64)
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToList();
        var texts = prompts
            .Where(p => p.ContentLength is null || p.ContentLength == p.Content.Length)
            .Select(p => PayloadText.Normalize(p.Content))
            .Where(t => t.Length >= PayloadText.MinLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (hashes, texts);
    }

    internal static bool SameMessage(SafetyFinding finding, TranscriptTurn turn) =>
        finding.MessageId.Length > 0
            ? string.Equals(finding.MessageId, turn.MessageId, StringComparison.Ordinal)
            : finding.TurnIndex is not null && finding.TurnIndex == turn.TurnIndex
              && (finding.SessionId.Length == 0 || string.Equals(finding.SessionId, turn.SessionId, StringComparison.Ordinal));

    private QueryArguments ConversationArguments(IncidentSubject subject, (DateTimeOffset Start, DateTimeOffset End) window) => new QueryArguments()
        .Time("windowStart", window.Start)
        .Time("windowEnd", window.End)
        .List("sessionIds", subject.SessionIds)
        .List("conversationIds", subject.ConversationIds)
        .Long("maxChars", options.MaxCharsPerValue)
        .Long("maxRows", options.MaxRowsPerQuery);

    private static TranscriptTurn MapTurn(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "SessionId"), t.Text(r, "ConversationId"), t.Long(r, "TurnIndex"), t.Text(r, "MessageId"),
        t.Text(r, "Role"), t.Text(r, "UserPrincipalName"), t.Text(r, "ClientIp"), t.Text(r, "AppName"), t.Text(r, "Deployment"),
        t.Text(r, "Content"), t.Long(r, "ContentLength"), t.Text(r, "ContentSha256"), t.Text(r, "DeliveryStatus"), t.Text(r, "FinishReason"));

    private static SafetyFinding MapFinding(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "SessionId"), t.Text(r, "ConversationId"), t.Long(r, "TurnIndex"), t.Text(r, "MessageId"),
        t.Text(r, "ToolCallId"), t.Text(r, "DocumentId"), t.Text(r, "TextSource"), t.Text(r, "Detector"), t.Text(r, "Category"),
        t.Text(r, "Severity"), t.Text(r, "Action"), t.Text(r, "TextSnippet"), t.StringArray(r, "MatchedEntities"));

    private static ToolCallRecord MapToolCall(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "SessionId"), t.Long(r, "TurnIndex"), t.Text(r, "ToolCallId"), t.Text(r, "ToolName"),
        t.Text(r, "ToolCategory"), t.Text(r, "McpServer"), t.Text(r, "ActionKind"), t.Text(r, "Arguments"), t.Text(r, "PrimaryTarget"),
        t.Text(r, "TargetType"), t.Text(r, "TargetDomain"), t.Real(r, "Amount"), t.Text(r, "ResultStatus"), t.Text(r, "ApprovalStatus"));

    private static RetrievedDocument MapRetrieval(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "SessionId"), t.Long(r, "TurnIndex"), t.Text(r, "IndexName"), t.Text(r, "DocumentId"),
        t.Text(r, "DocumentUri"), t.Text(r, "DocumentOwner"), t.Text(r, "SensitivityLabel"), t.Bool(r, "UserInAcl"),
        t.Text(r, "ContentSafetyVerdict"), t.StringArray(r, "EmbeddedUrls"), t.StringArray(r, "EmbeddedEmails"), t.Text(r, "ContentSnippet"));

    private static RelatedSession MapRelatedSession(LogTable t, LogRow r) => new(
        t.Text(r, "SessionId"), t.Text(r, "UserPrincipalName"), t.Time(r, "FirstSeen"), t.Time(r, "LastSeen"), t.Long(r, "Prompts") ?? 0,
        t.Long(r, "Conversations") ?? 0, t.Text(r, "Apps"), t.Text(r, "ClientIps"), t.Long(r, "InjectionFindings") ?? 0);

    private static PayloadSpread MapSpread(LogTable t, LogRow r) => new(
        t.Text(r, "ContentSha256"), t.Long(r, "Users") ?? 0, t.Long(r, "Sessions") ?? 0, t.Time(r, "FirstSeen"), t.Time(r, "LastSeen"), t.Text(r, "SampleUsers"));
}
