namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>Where the injection came from (guide, Part 2: direct = user input, indirect = retrieved content).</summary>
public enum InjectionSource
{
    /// <summary>No finding in the logs marks an injection.</summary>
    NotFound,

    /// <summary>In a user turn.</summary>
    Direct,

    /// <summary>In a retrieved document or tool output.</summary>
    Indirect,

    /// <summary>Both a user turn and retrieved content were flagged.</summary>
    DirectAndIndirect,
}

/// <summary>The first flagged point of the conversation: when, which turn, and what was flagged.</summary>
public sealed record InjectionPoint(DateTimeOffset? Time, long? TurnIndex, string SessionId, bool Direct, string Description);

/// <summary>Kinds of evidence that an injection achieved something.</summary>
public enum SuccessKind
{
    /// <summary>A tool call with anomalous parameters followed the injection (escalation criterion).</summary>
    AnomalousToolCall,

    /// <summary>Secrets, personal data or protected material reached the user after the injection (escalation criterion).</summary>
    SensitiveOutput,

    /// <summary>Harmful content reached the user after the injection (a policy violation).</summary>
    PolicyViolation,

    /// <summary>Sensitive or harmful output was produced but blocked before delivery.</summary>
    BlockedOutput,

    /// <summary>The answer says it follows the injected instructions or discloses its own.</summary>
    InstructionDisclosure,

    /// <summary>The answer passes on a link from the flagged content.</summary>
    LinkPassedOn,
}

/// <summary>A piece of evidence that the injection achieved something.</summary>
public sealed record SuccessEvidence(SuccessKind Kind, string Description)
{
    /// <summary>True for the guide's escalation criteria: anomalous tool calls, or sensitive data in the output, after the injection.</summary>
    public bool MeetsEscalationCriteria => Kind is SuccessKind.AnomalousToolCall or SuccessKind.SensitiveOutput;
}

/// <summary>The answers to the guide's triage questions, each with the facts behind it, plus tags and the escalation decision.</summary>
public sealed record ConversationTriageResult
{
    /// <summary>Direct, indirect, both, or not found.</summary>
    public required InjectionSource Source { get; init; }

    /// <summary>The earliest flagged point, when any.</summary>
    public InjectionPoint? Point { get; init; }

    /// <summary>Every flagged point, oldest first.</summary>
    public IReadOnlyList<InjectionPoint> Points { get; init; } = [];

    /// <summary>Tool calls at or before the injection point.</summary>
    public IReadOnlyList<AssessedToolCall> CallsBefore { get; init; } = [];

    /// <summary>Tool calls after the injection point (all calls when no point was found).</summary>
    public IReadOnlyList<AssessedToolCall> CallsAfter { get; init; } = [];

    /// <summary>Evidence that the injection succeeded.</summary>
    public IReadOnlyList<SuccessEvidence> Success { get; init; } = [];

    /// <summary>True when every answer after the injection was refused or blocked.</summary>
    public bool ModelRefused { get; init; }

    /// <summary>Other sessions of the user that also had injection findings.</summary>
    public IReadOnlyList<RelatedSession> RepeatSessions { get; init; } = [];

    /// <summary>Payloads sent by at least the campaign threshold of users.</summary>
    public IReadOnlyList<PayloadSpread> Campaigns { get; init; } = [];

    /// <summary>True when the guide's escalation criteria hold.</summary>
    public bool Escalate => Success.Any(s => s.MeetsEscalationCriteria);

    /// <summary>Tag names (without prefix) that describe the findings.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// The guide's prompt-injection triage, made deterministic and explainable:
/// direct vs indirect from which text Prompt Shields (or the retrieval verdict) flagged; before vs after tool calls by
/// time (turn as tie-break) relative to the first flagged point; evidence of success from anomalous tool parameters and
/// sensitive or policy-violating output after that point; related sessions of the same user; the same payload across users.
/// Escalate (Part 2) when tool calls with anomalous parameters or sensitive data in the output follow the injection.
/// </summary>
public static class ConversationTriage
{
    private static readonly string[] SensitiveCategories = ["Secret", "PII", "ProtectedMaterial"];
    private static readonly string[] HarmCategories = ["Hate", "Sexual", "Violence", "SelfHarm"];
    private static readonly string[] RefusalMarkers =
    [
        "i'm sorry", "i am sorry", "i can't", "i cannot", "i can not", "i'm unable", "i am unable", "i won't", "i will not",
        "not able to help", "can't help with", "cannot help with", "can't share", "cannot share",
    ];

    private static readonly string[] DisclosureMarkers =
    [
        "my instructions are", "my system prompt", "my initial instructions", "here are my instructions", "developer mode enabled",
        "i have no restrictions", "dan mode", "jailbreak mode", "you are the", "system prompt:",
    ];

    /// <summary>Assesses the evidence.</summary>
    public static ConversationTriageResult Assess(ConversationEvidence evidence, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        var points = InjectionPoints(evidence);
        var point = points.FirstOrDefault();
        var direct = points.Any(p => p.Direct);
        var indirect = points.Any(p => !p.Direct);
        var source = (direct, indirect) switch
        {
            (true, true) => InjectionSource.DirectAndIndirect,
            (true, false) => InjectionSource.Direct,
            (false, true) => InjectionSource.Indirect,
            _ => InjectionSource.NotFound,
        };

        var assessment = new ToolCallAssessment(InternalDomains(evidence, options), options.AllowedPathPrefixes);
        var assessed = evidence.ToolCalls.Select(call => assessment.Assess(call, PromptsBefore(evidence.Turns, call.Time))).ToList();
        var before = point is null ? [] : assessed.Where(c => !IsAfter(c.Call.Time, c.Call.TurnIndex, point)).ToList();
        var after = point is null ? assessed : assessed.Where(c => IsAfter(c.Call.Time, c.Call.TurnIndex, point)).ToList();

        var success = new List<SuccessEvidence>();
        var refused = false;
        if (point is not null)
        {
            success.AddRange(after.Where(c => c.IsAnomalous).Select(c => new SuccessEvidence(
                SuccessKind.AnomalousToolCall,
                $"{c.Call.ToolName} after the injection with anomalous parameters: {string.Join("; ", c.Findings.Select(f => f.Detail))}"
                + (c.Call.ResultStatus.Length > 0 ? $" (result {c.Call.ResultStatus})" : string.Empty))));
            success.AddRange(OutputEvidence(evidence, point));
            refused = AnswersAfter(evidence.Turns, point).ToList() is { Count: > 0 } answers
                && answers.All(a => !a.WasDelivered || IsRefusal(a.Content))
                && success.Count == 0;
        }

        // Repeats are the conversation's own user trying again; other users of the incident count as the campaign.
        var primary = PrimaryUsers(evidence);
        var repeats = evidence.RelatedSessions.Where(s => s.InjectionFindings > 0 && primary.Contains(s.User)).ToList();
        var campaigns = evidence.PayloadSpread.Where(s => s.Users >= options.CampaignMinUsers).ToList();
        var result = new ConversationTriageResult
        {
            Source = source,
            Point = point,
            Points = points,
            CallsBefore = before,
            CallsAfter = after,
            Success = success,
            ModelRefused = refused,
            RepeatSessions = repeats,
            Campaigns = campaigns,
        };
        return result with { Tags = Tags(result) };
    }

    private static List<InjectionPoint> InjectionPoints(ConversationEvidence evidence)
    {
        var points = new List<InjectionPoint>();
        foreach (var finding in evidence.Findings.Where(f => f.IsInjection && (f.OnUserPrompt || f.OnRetrievedContent)))
        {
            var what = finding.OnUserPrompt
                ? $"user prompt flagged by {Name(finding.Detector)} as {finding.Category}"
                : finding.TextSource.Equals("Document", StringComparison.OrdinalIgnoreCase)
                    ? $"retrieved document {finding.DocumentId} flagged by {Name(finding.Detector)} as {finding.Category}"
                    : $"output of tool call {finding.ToolCallId} flagged by {Name(finding.Detector)} as {finding.Category}";
            points.Add(new InjectionPoint(finding.Time, finding.TurnIndex, finding.SessionId, finding.OnUserPrompt, $"{what} (action {Name(finding.Action)})"));
        }

        foreach (var document in evidence.Retrievals.Where(d => d.IsFlagged))
        {
            if (!points.Any(p => !p.Direct && p.Description.Contains(document.DocumentId, StringComparison.Ordinal) && document.DocumentId.Length > 0))
            {
                points.Add(new InjectionPoint(document.Time, document.TurnIndex, document.SessionId, false,
                    $"retrieved document {document.DocumentId} from {document.IndexName} with verdict {document.ContentSafetyVerdict}"));
            }
        }

        return [.. points.OrderBy(p => p.Time ?? DateTimeOffset.MaxValue).ThenBy(p => p.TurnIndex ?? long.MaxValue)];
    }

    private static IEnumerable<SuccessEvidence> OutputEvidence(ConversationEvidence evidence, InjectionPoint point)
    {
        foreach (var finding in evidence.Findings.Where(f => f.OnModelOutput && IsAfter(f.Time, f.TurnIndex, point)))
        {
            var sensitive = SensitiveCategories.Contains(finding.Category, StringComparer.OrdinalIgnoreCase);
            var harm = HarmCategories.Contains(finding.Category, StringComparer.OrdinalIgnoreCase);
            if (!sensitive && !harm)
            {
                continue;
            }

            var entities = finding.Entities.Count > 0 ? $" ({string.Join(", ", finding.Entities)})" : string.Empty;
            yield return finding.WasBlocked
                ? new SuccessEvidence(SuccessKind.BlockedOutput, $"an answer after the injection held {finding.Category}{entities}, found by {Name(finding.Detector)}, but was blocked")
                : new SuccessEvidence(
                    sensitive ? SuccessKind.SensitiveOutput : SuccessKind.PolicyViolation,
                    $"an answer after the injection held {finding.Category}{entities}, found by {Name(finding.Detector)}, and was delivered (action {Name(finding.Action)})");
        }

        var scanner = new Rendering.Redaction.Redactor(redactSecrets: true, piiPatterns:
            [Rendering.Redaction.PiiPatterns.CreditCard, Rendering.Redaction.PiiPatterns.Iban, Rendering.Redaction.PiiPatterns.UsSocialSecurityNumber]);
        var flaggedUrls = FlaggedContentUrls(evidence, point);
        foreach (var answer in AnswersAfter(evidence.Turns, point).Where(a => a.WasDelivered))
        {
            var (_, secrets) = scanner.Redact(answer.Content);
            if (secrets > 0)
            {
                yield return new SuccessEvidence(SuccessKind.SensitiveOutput, $"the answer of turn {answer.TurnIndex} contains {secrets} secret or financial identifier(s) and was delivered");
            }

            if (DisclosureMarkers.FirstOrDefault(m => answer.Content.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } marker)
            {
                yield return new SuccessEvidence(SuccessKind.InstructionDisclosure, $"the answer of turn {answer.TurnIndex} appears to follow the injection: it says \"{marker}\"");
            }

            if (flaggedUrls.FirstOrDefault(u => answer.Content.Contains(u, StringComparison.OrdinalIgnoreCase)) is { } url)
            {
                yield return new SuccessEvidence(SuccessKind.LinkPassedOn, $"the answer of turn {answer.TurnIndex} passes on the link {url} from the flagged content");
            }
        }
    }

    private static List<string> FlaggedContentUrls(ConversationEvidence evidence, InjectionPoint point) =>
        evidence.Retrievals.Where(d => d.IsFlagged || evidence.Findings.Any(f => f.IsInjection && f.DocumentId.Length > 0 && f.DocumentId == d.DocumentId))
            .SelectMany(d => d.EmbeddedUrls)
            .Concat(point.Direct ? [] : UrlsIn(evidence.Findings.Where(f => f.IsInjection && f.OnRetrievedContent).Select(f => f.Snippet)))
            .Where(u => u.Length >= 8)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static IEnumerable<string> UrlsIn(IEnumerable<string> texts) =>
        texts.SelectMany(t => t.Split([' ', '\n', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .Select(w => w.TrimEnd('.', ',', ';', ')'));

    private static IEnumerable<TranscriptTurn> AnswersAfter(IReadOnlyList<TranscriptTurn> turns, InjectionPoint point) =>
        turns.Where(t => t.IsAssistant && IsAfter(t.Time, t.TurnIndex, point) && SameSession(t.SessionId, point.SessionId));

    private static bool SameSession(string session, string pointSession) =>
        pointSession.Length == 0 || session.Length == 0 || string.Equals(session, pointSession, StringComparison.Ordinal);

    // After the point: strictly later in time; without times, a later turn.
    private static bool IsAfter(DateTimeOffset? time, long? turn, InjectionPoint point) =>
        time is { } t && point.Time is { } p ? t > p
        : turn is { } n && point.TurnIndex is { } m && n > m;

    private static bool IsRefusal(string content)
    {
        var start = content.Length > 200 ? content[..200] : content;
        return RefusalMarkers.Any(m => start.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> PromptsBefore(IReadOnlyList<TranscriptTurn> turns, DateTimeOffset? time) =>
        turns.Where(t => t.IsUser && (time is null || t.Time is null || t.Time <= time)).Select(t => t.Content).ToList();

    private static IEnumerable<string> InternalDomains(ConversationEvidence evidence, EnrichmentOptions options) =>
        options.InternalDomains
            .Concat(evidence.Subject.Users.Concat(evidence.Turns.Select(t => t.User))
                .Where(u => u.Contains('@', StringComparison.Ordinal))
                .Select(u => u[(u.LastIndexOf('@') + 1)..]));

    private static string Name(string value) => value.Length == 0 ? "unknown" : value;

    /// <summary>The users of the conversation itself (the transcript's), else the incident's.</summary>
    internal static HashSet<string> PrimaryUsers(ConversationEvidence evidence)
    {
        var fromTurns = evidence.Turns.Select(t => t.User).Where(u => u.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return fromTurns.Count > 0 ? fromTurns : evidence.Subject.Users.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static List<string> Tags(ConversationTriageResult result)
    {
        var tags = new List<string>();
        if (result.Source is InjectionSource.Direct or InjectionSource.DirectAndIndirect)
        {
            tags.Add("DirectInjection");
        }

        if (result.Source is InjectionSource.Indirect or InjectionSource.DirectAndIndirect)
        {
            tags.Add("IndirectInjection");
        }

        if (result.Point is not null && result.CallsAfter.Count > 0)
        {
            tags.Add("ToolCallAfterInjection");
        }

        if (result.Point is not null && result.CallsAfter.Any(c => c.IsAnomalous))
        {
            tags.Add("AnomalousToolCall");
        }

        if (result.Success.Any(s => s.Kind == SuccessKind.SensitiveOutput))
        {
            tags.Add("SensitiveOutputAfterInjection");
        }

        if (result.Success.Any(s => s.Kind != SuccessKind.BlockedOutput))
        {
            tags.Add("InjectionSucceeded");
        }

        if (result.RepeatSessions.Count > 0)
        {
            tags.Add("RepeatedInjectionAttempts");
        }

        if (result.Campaigns.Count > 0)
        {
            tags.Add("InjectionCampaign");
        }

        if (result.Escalate)
        {
            tags.Add("Escalate");
        }

        return tags;
    }
}
