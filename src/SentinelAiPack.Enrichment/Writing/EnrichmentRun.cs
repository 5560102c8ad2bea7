using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Incidents;
using SentinelAiPack.Enrichment.Rendering;

namespace SentinelAiPack.Enrichment.Writing;

/// <summary>What an enricher concluded about an incident: the comment to write, the tags, the escalation decision, the gaps.</summary>
public sealed record EnrichmentFindings(RenderedComment Comment, IReadOnlyList<string> Tags, bool Escalate, IReadOnlyList<EvidenceGap> Gaps);

/// <summary>The steps every enricher shares: load the incident, let the enricher conclude, write the result.</summary>
public static class EnrichmentRun
{
    /// <summary>Loads the incident named by <paramref name="incidentArmId"/>, runs <paramref name="conclude"/> and writes its findings.</summary>
    public static async Task<EnrichmentOutcome> RunAsync(
        SentinelIncidentsClient incidents,
        EnrichmentOptions options,
        string enricher,
        string? incidentArmId,
        Func<IncidentSubject, CancellationToken, Task<EnrichmentFindings>> conclude,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conclude);
        var (reference, loaded) = await IncidentLoader.LoadAsync(incidents, options, incidentArmId, cancellationToken).ConfigureAwait(false);
        var findings = await conclude(loaded.Subject, cancellationToken).ConfigureAwait(false);
        return await new IncidentWriter(incidents, options)
            .WriteAsync(reference, loaded, enricher, findings.Comment, findings.Tags, findings.Escalate, findings.Gaps, cancellationToken)
            .ConfigureAwait(false);
    }
}
