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
    public async Task<EnrichmentOutcome> EnrichAsync(string? incidentArmId, CancellationToken cancellationToken = default)
    {
        var (reference, loaded) = await IncidentLoader.LoadAsync(incidents, options, incidentArmId, cancellationToken).ConfigureAwait(false);
        var collector = new ConversationEvidenceCollector(new QueryRunner(logs, options.LogAnalyticsWorkspaceId), options);
        var evidence = await collector.CollectAsync(loaded.Subject, cancellationToken).ConfigureAwait(false);
        var triage = ConversationTriage.Assess(evidence, options);
        var comment = ConversationCommentWriter.Write(evidence, triage, options);
        return await new IncidentWriter(incidents, options)
            .WriteAsync(reference, loaded, Name, comment, triage.Tags, triage.Escalate, evidence.Gaps, cancellationToken)
            .ConfigureAwait(false);
    }
}
