using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Incidents;
using SentinelAiPack.Enrichment.Rendering;

namespace SentinelAiPack.Enrichment.Writing;

/// <summary>
/// Writes an enricher's result into the incident: the comment under the deterministic id of (incident, enricher), so a
/// retried or duplicated trigger replaces it instead of adding one; then the tags and, when configured and the
/// escalation criteria hold, the severity raised to High (never lowered).
/// </summary>
public sealed class IncidentWriter(SentinelIncidentsClient client, EnrichmentOptions options)
{
    /// <summary>Writes the comment, tags and severity; returns what was done.</summary>
    public async Task<EnrichmentOutcome> WriteAsync(
        IncidentReference reference,
        LoadedIncident loaded,
        string enricher,
        RenderedComment comment,
        IReadOnlyList<string> tags,
        bool escalate,
        IReadOnlyList<EvidenceGap> gaps,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(comment);
        var commentId = CommentId.For(reference.IncidentId, enricher).ToString();
        var labels = tags.Select(t => options.TagPrefix + t).ToList();
        var raise = options.RaiseSeverity && escalate && !string.Equals(loaded.Incident.Severity, nameof(IncidentSeverity.High), StringComparison.OrdinalIgnoreCase);
        try
        {
            var written = await client.UpsertCommentAsync(options.Workspace, reference.IncidentId, commentId, comment.Html, cancellationToken).ConfigureAwait(false);
            if (labels.Count > 0 || raise)
            {
                await client.UpdateIncidentAsync(
                    options.Workspace,
                    reference.IncidentId,
                    new IncidentUpdate(labels, raise ? IncidentSeverity.High : null),
                    cancellationToken).ConfigureAwait(false);
            }

            return new EnrichmentOutcome(reference.IncidentId, enricher, commentId, written.Created, comment.Truncated, comment.Html.Length,
                comment.Redactions, labels, escalate, raise, gaps);
        }
        catch (AzureClientException ex)
        {
            throw new EnrichmentFailedException($"Writing to incident {reference.IncidentId} failed: {ex.Message}", ex);
        }
    }
}
