using System.Net;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Incidents;

namespace SentinelAiPack.Enrichment.Writing;

/// <summary>An incident with its alerts, entities and the subject read from them.</summary>
public sealed record LoadedIncident(SentinelIncident Incident, IReadOnlyList<SentinelAlert> Alerts, IReadOnlyList<SentinelEntity> Entities, IncidentSubject Subject);

/// <summary>Reads an incident for an enricher, after checking it belongs to the configured workspace.</summary>
public static class IncidentLoader
{
    /// <summary>
    /// Loads the incident. A malformed id, another workspace or a missing incident throws
    /// <see cref="EnrichmentRequestException"/>; an unreachable or failing Sentinel API throws <see cref="EnrichmentFailedException"/>.
    /// </summary>
    public static async Task<(IncidentReference Reference, LoadedIncident Incident)> LoadAsync(
        SentinelIncidentsClient client, EnrichmentOptions options, string? incidentArmId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var reference = IncidentReference.Parse(incidentArmId);
        if (!reference.IsIn(options.Workspace))
        {
            // The function's identity may reach other workspaces; only the configured one is enriched.
            throw new EnrichmentRequestException("The incident belongs to another workspace than the one this Function App is configured for.");
        }

        try
        {
            var incident = await client.GetIncidentAsync(options.Workspace, reference.IncidentId, cancellationToken).ConfigureAwait(false);
            var alerts = client.ListAlertsAsync(options.Workspace, reference.IncidentId, cancellationToken);
            var entities = client.ListEntitiesAsync(options.Workspace, reference.IncidentId, cancellationToken);
            await Task.WhenAll(alerts, entities).ConfigureAwait(false);
            var subject = IncidentSubjectReader.Read(incident, alerts.Result, entities.Result);
            return (reference, new LoadedIncident(incident, alerts.Result, entities.Result, subject));
        }
        catch (AzureApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new EnrichmentRequestException($"Incident {reference.IncidentId} was not found in the workspace.");
        }
        catch (AzureClientException ex)
        {
            throw new EnrichmentFailedException($"Reading incident {reference.IncidentId} failed: {ex.Message}", ex);
        }
    }
}
