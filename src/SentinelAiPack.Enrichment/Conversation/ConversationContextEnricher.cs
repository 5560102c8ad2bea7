using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Queries;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>
/// The conversation-context enricher (guide, Part 3, prompt-injection workflow steps 1–4): reads the incident, collects
/// the conversation evidence, answers the triage questions, writes one comment and the tags.
/// </summary>
public sealed class ConversationContextEnricher(SentinelIncidentsClient incidents, LogAnalyticsQueryClient logs, EnrichmentOptions options)
{
    /// <summary>Name of the enricher; part of the deterministic comment id, so never change it.</summary>
    public const string Name = "ConversationContext";

    /// <summary>Enriches the incident named by <paramref name="incidentArmId"/>.</summary>
    public Task<EnrichmentOutcome> EnrichAsync(string? incidentArmId, CancellationToken cancellationToken = default) =>
        EnrichmentRun.RunAsync(incidents, options, Name, incidentArmId, async (subject, ct) =>
        {
            var evidence = await new ConversationEvidenceCollector(new QueryRunner(logs, options.LogAnalyticsWorkspaceId), options)
                .CollectAsync(subject, ct).ConfigureAwait(false);
            var triage = ConversationTriage.Assess(evidence, options);
            return new EnrichmentFindings(ConversationCommentWriter.Write(evidence, triage, options), triage.Tags, triage.Escalate, evidence.Gaps);
        }, cancellationToken);
}
