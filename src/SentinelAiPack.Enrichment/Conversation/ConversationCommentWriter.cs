using System.Globalization;
using SentinelAiPack.Enrichment.Rendering;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>
/// The conversation-context comment: the guide's triage questions answered first, then the escalation decision, then
/// the evidence (subject, transcript around the trigger, tool calls after the injection, documents, findings, other
/// sessions, the same payload elsewhere, what could not be read). All content goes through the safe builder.
/// </summary>
public static class ConversationCommentWriter
{
    /// <summary>Heading of the comment, also how an analyst recognises it.</summary>
    public const string Title = "AI conversation context (SentinelAiPack)";

    /// <summary>Renders the comment.</summary>
    public static RenderedComment Write(ConversationEvidence evidence, ConversationTriageResult triage, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(options);
        var comment = new IncidentCommentBuilder(options.Rendering).Heading(Title);
        comment.Strong(triage.Escalate
            ? "Escalate: " + string.Join("; ", triage.Success.Where(s => s.MeetsEscalationCriteria).Select(s => s.Description)) + "."
            : "No escalation criterion of the analyst guide is met (no anomalous tool call and no sensitive data in the output after the injection).");
        comment.Fields(
        [
            new("Direct or indirect?", SourceAnswer(triage)),
            new("Before or after tool calls?", TimingAnswer(triage, evidence)),
            new("Evidence of success?", SuccessAnswer(triage)),
            new("Other sessions of this user?", RelatedAnswer(evidence, triage)),
            new("Same payload from other users?", CampaignAnswer(evidence, triage, options)),
        ]);

        comment.Heading("Subject");
        comment.Fields(
        [
            new("Sessions", Join(evidence.Subject.SessionIds)),
            new("Conversations", Join(evidence.Subject.ConversationIds.Count > 0 ? evidence.Subject.ConversationIds : evidence.Turns.Select(t => t.ConversationId).Distinct())),
            new("Users", Join(evidence.Subject.Users.Count > 0 ? evidence.Subject.Users : evidence.Turns.Select(t => t.User).Distinct())),
            new("Client IPs", Join(evidence.Subject.ClientIps.Count > 0 ? evidence.Subject.ClientIps : evidence.Turns.Select(t => t.ClientIp).Distinct())),
            new("Application / deployment", Join(evidence.Turns.Select(t => $"{t.App} / {t.Deployment}").Distinct())),
            new("Evidence window", $"{Time(evidence.Window.Start)} to {Time(evidence.Window.End)}"),
        ]);

        Transcript(comment, evidence, triage, options);
        ToolCalls(comment, triage);
        Documents(comment, evidence);
        Findings(comment, evidence);
        RelatedSessions(comment, evidence);
        Spread(comment, evidence);
        CommentSections.Gaps(comment, evidence.Gaps);
        comment.Paragraph("Read from AIConversationTurns, AIContentSafetyVerdicts, AIToolCalls and AIRetrievals. Conversation content is "
            + "attacker-controlled: it is shown as text, links are defanged, secrets and configured personal data are redacted.");
        return comment.Build();
    }

    private static string SourceAnswer(ConversationTriageResult triage) => triage.Source switch
    {
        InjectionSource.Direct => $"Direct: the injection is in a user turn. {PointText(triage.Point!)}.",
        InjectionSource.Indirect => $"Indirect: the injection came in content the user did not type. {PointText(triage.Point!)}.",
        InjectionSource.DirectAndIndirect => "Both: " + string.Join("; ", triage.Points.Take(4).Select(PointText)) + ".",
        _ => "Not determined: no Prompt Shields finding and no flagged document in the logs of these sessions marks an injection.",
    };

    private static string TimingAnswer(ConversationTriageResult triage, ConversationEvidence evidence)
    {
        if (evidence.ToolCalls.Count == 0)
        {
            return "No tool calls in these sessions.";
        }

        if (triage.Point is null)
        {
            return $"{evidence.ToolCalls.Count} tool call(s) in these sessions; with no injection point found, none can be placed before or after it.";
        }

        if (triage.CallsAfter.Count == 0)
        {
            return $"Before only: {triage.CallsBefore.Count} tool call(s) preceded the injection; none followed it.";
        }

        return $"After: {triage.CallsAfter.Count} tool call(s) followed the injection ({Join(triage.CallsAfter.Select(c => c.Call.ToolName).Distinct())}); "
            + $"{triage.CallsBefore.Count} preceded it.";
    }

    private static string SuccessAnswer(ConversationTriageResult triage)
    {
        if (triage.Point is null)
        {
            return "Not assessed: no injection point was found.";
        }

        var delivered = triage.Success.Where(s => s.Kind != SuccessKind.BlockedOutput).ToList();
        if (delivered.Count > 0)
        {
            return "Yes: " + string.Join("; ", delivered.Select(s => s.Description)) + ".";
        }

        if (triage.Success.Count > 0)
        {
            return "Attempted but stopped: " + string.Join("; ", triage.Success.Select(s => s.Description)) + ".";
        }

        return triage.ModelRefused
            ? "No: every answer after the injection was a refusal or was blocked, and no tool call followed with anomalous parameters."
            : "No evidence in the logs: no anomalous tool call, no flagged or sensitive output and no sign of compliance after the injection.";
    }

    private static string RelatedAnswer(ConversationEvidence evidence, ConversationTriageResult triage)
    {
        var days = evidence.RelatedSessionsLookback.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
        if (evidence.RelatedSessions.Count == 0)
        {
            return $"None in the last {days} days.";
        }

        var primary = ConversationTriage.PrimaryUsers(evidence);
        var own = evidence.RelatedSessions.Where(s => primary.Contains(s.User)).ToList();
        var others = evidence.RelatedSessions.Count - own.Count;
        var answer = triage.RepeatSessions.Count > 0
            ? $"{own.Count} other session(s) in the last {days} days; {triage.RepeatSessions.Count} also had injection findings ({Join(triage.RepeatSessions.Select(s => s.SessionId))})."
            : own.Count > 0 ? $"{own.Count} other session(s) in the last {days} days, none with injection findings." : $"None in the last {days} days.";
        return others > 0
            ? answer + $" The incident's other users had {others} session(s), {evidence.RelatedSessions.Count(s => !primary.Contains(s.User) && s.InjectionFindings > 0)} with injection findings."
            : answer;
    }

    private static string CampaignAnswer(ConversationEvidence evidence, ConversationTriageResult triage, EnrichmentOptions options)
    {
        if (triage.Campaigns.Count > 0)
        {
            var top = triage.Campaigns[0];
            return $"Yes, a campaign: the same payload was sent by {top.Users} users in {top.Sessions} sessions between {Time(top.FirstSeen)} and {Time(top.LastSeen)} (threshold {options.CampaignMinUsers} users).";
        }

        var largest = evidence.PayloadSpread.OrderByDescending(s => s.Users).FirstOrDefault();
        return largest is null || largest.Users <= 1
            ? "No other user sent the same payload."
            : $"Below the campaign threshold: {largest.Users} users sent the same payload (threshold {options.CampaignMinUsers}).";
    }

    private static void Transcript(IncidentCommentBuilder comment, ConversationEvidence evidence, ConversationTriageResult triage, EnrichmentOptions options)
    {
        if (evidence.Turns.Count == 0)
        {
            return;
        }

        var index = triage.Point is { } point
            ? Math.Max(0, evidence.Turns.ToList().FindIndex(t => t.Time >= point.Time && (point.SessionId.Length == 0 || t.SessionId == point.SessionId)))
            : evidence.Turns.Count - 1;
        var from = Math.Max(0, index - (options.TranscriptTurnsAround * 2));
        var to = Math.Min(evidence.Turns.Count, index + (options.TranscriptTurnsAround * 2) + 2);
        comment.Heading($"Transcript around the trigger (messages {from + 1}-{to} of {evidence.Turns.Count})");
        foreach (var turn in evidence.Turns.Skip(from).Take(to - from))
        {
            var text = turn.Content.Length > options.MaxCharsPerMessageShown
                ? turn.Content[..CommentSections.SafeCut(turn.Content, options.MaxCharsPerMessageShown)] + $" [... {turn.ContentLength ?? turn.Content.Length} characters in all]"
                : turn.Content;
            var header = $"{Time(turn.Time)} turn {turn.TurnIndex?.ToString(CultureInfo.InvariantCulture) ?? "?"} {turn.Role}"
                + (turn.DeliveryStatus.Length > 0 ? $" ({turn.DeliveryStatus})" : string.Empty);
            comment.Preformatted(header + "\n" + text);
        }
    }

    private static void ToolCalls(IncidentCommentBuilder comment, ConversationTriageResult triage)
    {
        var calls = triage.Point is null ? triage.CallsAfter : triage.CallsAfter.Concat(triage.CallsBefore.Where(c => c.IsAnomalous)).ToList();
        if (calls.Count == 0)
        {
            return;
        }

        comment.Heading(triage.Point is null ? "Tool calls" : "Tool calls after the injection");
        comment.BulletList(calls.Take(25).Select(c =>
        {
            var call = c.Call;
            var concerns = c.IsAnomalous ? " ANOMALOUS: " + string.Join("; ", c.Findings.Select(f => f.Detail)) + "." : string.Empty;
            var typed = c.TargetTypedByUser switch
            {
                true => " The user typed this target.",
                false => " The user never typed this target: it came from the model or retrieved content.",
                _ => string.Empty,
            };
            return $"{Time(call.Time)} {call.ToolName} ({call.ToolCategory}/{call.ActionKind}) target {Or(call.PrimaryTarget)}; result {Or(call.ResultStatus)}, "
                + $"approval {Or(call.ApprovalStatus)}.{concerns}{typed}\nArguments: {CommentSections.Cap(call.Arguments, 600)}";
        }));
    }

    private static void Documents(IncidentCommentBuilder comment, ConversationEvidence evidence)
    {
        if (evidence.Retrievals.Count == 0)
        {
            return;
        }

        var shown = evidence.Retrievals.OrderByDescending(d => d.IsFlagged).Take(15).ToList();
        comment.Heading($"Retrieved documents ({evidence.Retrievals.Count})");
        comment.BulletList(shown.Select(d =>
            $"{Time(d.Time)} {Or(d.DocumentId)} from {Or(d.IndexName)}: verdict {Or(d.ContentSafetyVerdict)}, label {Or(d.SensitivityLabel)}, "
            + $"owner {Or(d.DocumentOwner)}, user in ACL {(d.UserInAcl?.ToString() ?? "unknown")}"
            + (d.EmbeddedUrls.Count > 0 ? $", links {Join(d.EmbeddedUrls)}" : string.Empty)
            + (d.IsFlagged && d.Snippet.Length > 0 ? $"\nSnippet: {CommentSections.Cap(d.Snippet, 500)}" : string.Empty)));
    }

    private static void Findings(IncidentCommentBuilder comment, ConversationEvidence evidence)
    {
        if (evidence.Findings.Count == 0)
        {
            return;
        }

        comment.Heading($"Content-safety findings ({evidence.Findings.Count})");
        comment.BulletList(evidence.Findings.Take(20).Select(f =>
            $"{Time(f.Time)} turn {f.TurnIndex?.ToString(CultureInfo.InvariantCulture) ?? "?"} {f.TextSource}: {f.Category} ({Or(f.Severity)}) by {Or(f.Detector)}, action {Or(f.Action)}"
            + (f.Entities.Count > 0 ? $", entities {Join(f.Entities)}" : string.Empty)));
    }

    private static void RelatedSessions(IncidentCommentBuilder comment, ConversationEvidence evidence)
    {
        if (evidence.RelatedSessions.Count == 0)
        {
            return;
        }

        comment.Heading($"Other sessions of the user ({evidence.RelatedSessions.Count})");
        comment.BulletList(evidence.RelatedSessions.Take(15).Select(s =>
            $"{s.SessionId} ({s.User}): {s.Prompts} prompt(s) in {s.Conversations} conversation(s), {Time(s.FirstSeen)} to {Time(s.LastSeen)}, "
            + $"apps {Or(s.Apps)}, IPs {Or(s.ClientIps)}, injection findings {s.InjectionFindings}"));
    }

    private static void Spread(IncidentCommentBuilder comment, ConversationEvidence evidence)
    {
        if (evidence.PayloadSpread.Count == 0)
        {
            return;
        }

        comment.Heading("Same payload across users");
        comment.BulletList(evidence.PayloadSpread.Take(10).Select(s =>
            $"SHA-256 {s.ContentSha256}: {s.Users} user(s), {s.Sessions} session(s), {Time(s.FirstSeen)} to {Time(s.LastSeen)}; users {Or(s.SampleUsers)}"));
    }

    private static string PointText(InjectionPoint point) =>
        $"{Time(point.Time)}, turn {point.TurnIndex?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {point.Description}";

    private static string Time(DateTimeOffset? time) => CommentSections.Time(time);

    private static string Join(IEnumerable<string> values) => CommentSections.Join(values);

    private static string Or(string value) => value.Length == 0 ? "unknown" : value;
}
