using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Queries;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.ModelIntegrity;

/// <summary>
/// The model-integrity enricher (guide, Part 3, model behavioural anomaly workflow steps 1–3) for drift and integrity
/// incidents: compares deployed and registered hashes, lists deployment changes with who made them, tells which way the
/// output moved, writes one comment and the tags.
/// </summary>
public sealed class ModelIntegrityEnricher(SentinelIncidentsClient incidents, LogAnalyticsQueryClient logs, EnrichmentOptions options)
{
    /// <summary>Name of the enricher; part of the deterministic comment id, so never change it.</summary>
    public const string Name = "ModelIntegrity";

    /// <summary>Enriches the incident named by <paramref name="incidentArmId"/>.</summary>
    public Task<EnrichmentOutcome> EnrichAsync(string? incidentArmId, CancellationToken cancellationToken = default) =>
        EnrichmentRun.RunAsync(incidents, options, Name, incidentArmId, async (subject, ct) =>
        {
            var evidence = await new ModelIntegrityEvidenceCollector(new QueryRunner(logs, options.LogAnalyticsWorkspaceId), options)
                .CollectAsync(subject, ct).ConfigureAwait(false);
            var result = ModelIntegrityAssessment.Assess(evidence);
            return new EnrichmentFindings(ModelIntegrityCommentWriter.Write(evidence, result, options), result.Tags, result.Escalate, evidence.Gaps);
        }, cancellationToken);
}
