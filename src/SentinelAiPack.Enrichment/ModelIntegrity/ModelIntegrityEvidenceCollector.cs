using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Enrichment.Incidents;
using SentinelAiPack.Enrichment.Queries;

namespace SentinelAiPack.Enrichment.ModelIntegrity;

/// <summary>
/// Reads what the guide's model-behavioural-anomaly workflow asks for: inventory snapshots with deployed and registered
/// hashes (step 2), deployment history with who made each change (step 3) and output statistics around the change (steps 1, 4).
/// </summary>
public sealed class ModelIntegrityEvidenceCollector(QueryRunner runner, EnrichmentOptions options)
{
    /// <summary>Bin size of the output statistics.</summary>
    public static readonly TimeSpan MetricsBin = TimeSpan.FromHours(1);

    /// <summary>Collects the evidence for <paramref name="subject"/>.</summary>
    public async Task<ModelIntegrityEvidence> CollectAsync(IncidentSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var reader = new EvidenceReader(runner);
        var (first, last) = subject.ActivityWindow(options.TimeProvider.GetUtcNow());
        var window = (Start: first - options.DeploymentLookback, End: last + options.TranscriptLookahead);
        if (!subject.HasModelTarget)
        {
            reader.Gap("Deployments", "The incident names no deployment, endpoint or Azure resource (custom details Deployment / Endpoint, AzureResource entities).");
            return new ModelIntegrityEvidence { Subject = subject, Window = window, Gaps = reader.Gaps, DeployerBaseline = options.DeployerBaseline };
        }

        var inventory = reader.ReadAsync("Model inventory", EnrichmentQueries.ModelInventory, Targets(subject, window)
            .Long("maxRows", options.MaxRowsPerQuery), MapSnapshot, cancellationToken);
        var metrics = reader.ReadAsync("Output statistics", EnrichmentQueries.OutputMetrics, new QueryArguments()
            .Time("windowStart", window.Start)
            .Time("windowEnd", window.End)
            .Span("binSize", MetricsBin)
            .List("deploymentNames", subject.Deployments)
            .Long("maxRows", options.MaxRowsPerQuery), MapMetric, cancellationToken);
        var snapshots = await inventory.ConfigureAwait(false);

        // Deployment history also covers the models the deployments serve (registrations of a new version count).
        var models = snapshots.Select(s => s.ModelName).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();
        var changes = await reader.ReadAsync("Deployment history", EnrichmentQueries.DeploymentHistory, Targets(subject, window)
            .Time("baselineStart", window.Start - options.DeployerBaseline)
            .List("modelNames", models)
            .Long("maxRows", options.MaxRowsPerQuery), MapChange, cancellationToken).ConfigureAwait(false);

        return new ModelIntegrityEvidence
        {
            Subject = subject,
            Window = window,
            Snapshots = snapshots,
            Changes = changes,
            Metrics = await metrics.ConfigureAwait(false),
            DeployerBaseline = options.DeployerBaseline,
            Gaps = reader.Gaps,
        };
    }

    private static QueryArguments Targets(IncidentSubject subject, (DateTimeOffset Start, DateTimeOffset End) window) => new QueryArguments()
        .Time("windowStart", window.Start)
        .Time("windowEnd", window.End)
        .List("deploymentNames", subject.Deployments)
        .List("endpointNames", subject.Endpoints)
        .List("resourceIds", subject.ResourceIds);

    private static InventorySnapshot MapSnapshot(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "EventSource"), t.Text(r, "Platform"), t.Text(r, "ResourceId"), t.Text(r, "ServiceName"),
        t.Text(r, "EndpointName"), t.Text(r, "DeploymentName"), t.Text(r, "ModelName"), t.Text(r, "ModelVersion"), t.Text(r, "ModelAssetId"),
        t.Text(r, "DeployedSha256").ToLowerInvariant(), t.Text(r, "RegisteredSha256").ToLowerInvariant(), t.Text(r, "IntegrityStatus"),
        t.Text(r, "ScanStatus"), t.Text(r, "DeployedBy"), t.Time(r, "DeployedAt"));

    private static DeploymentChange MapChange(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "EventSource"), t.Text(r, "Operation"), t.Text(r, "OperationName"), t.Text(r, "ResourceId"),
        t.Text(r, "EndpointName"), t.Text(r, "DeploymentName"), t.Text(r, "ModelName"), t.Text(r, "ModelVersion"), t.Text(r, "ActorPrincipalName"),
        t.Text(r, "ActorIp"), t.Text(r, "Result"), t.Bool(r, "FirstTimeActor") ?? false, t.Long(r, "BaselineActors") ?? 0);

    private static OutputMetricBin MapMetric(LogTable t, LogRow r) => new(
        t.Time(r, "TimeGenerated"), t.Text(r, "EventSource"), t.Text(r, "Deployment"), t.Text(r, "ModelVersion"), t.Long(r, "Requests") ?? 0,
        t.Real(r, "RefusalRate"), t.Real(r, "BlockedRate"), t.Real(r, "MeanOutputChars"));
}
