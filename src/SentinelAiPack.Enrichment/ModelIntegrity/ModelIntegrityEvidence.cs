using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Incidents;

namespace SentinelAiPack.Enrichment.ModelIntegrity;

/// <summary>One inventory snapshot of a deployment (AIModelInventory).</summary>
public sealed record InventorySnapshot(
    DateTimeOffset? Time,
    string EventSource,
    string Platform,
    string ResourceId,
    string ServiceName,
    string EndpointName,
    string DeploymentName,
    string ModelName,
    string ModelVersion,
    string ModelAssetId,
    string DeployedSha256,
    string RegisteredSha256,
    string IntegrityStatus,
    string ScanStatus,
    string DeployedBy,
    DateTimeOffset? DeployedAt)
{
    /// <summary>
    /// Endpoint/deployment (AML) or the deployment name (Azure OpenAI): identifies the deployment across snapshots and
    /// across sources (log observations may lack the account name).
    /// </summary>
    public string Key => EndpointName.Length > 0 ? EndpointName + "/" + DeploymentName : DeploymentName;

    /// <summary>True when the row carries hashes (collector snapshots; log observations have none).</summary>
    public bool HasHashes => DeployedSha256.Length > 0 || RegisteredSha256.Length > 0;
}

/// <summary>A deployment, registration or content-filter change (AIModelDeployments).</summary>
public sealed record DeploymentChange(
    DateTimeOffset? Time,
    string EventSource,
    string Operation,
    string OperationName,
    string ResourceId,
    string EndpointName,
    string DeploymentName,
    string ModelName,
    string ModelVersion,
    string Actor,
    string ActorIp,
    string Result,
    bool FirstTimeActor,
    long BaselineActors);

/// <summary>Output statistics of a deployment in one bin (AIOutputMetrics).</summary>
public sealed record OutputMetricBin(
    DateTimeOffset? Time,
    string EventSource,
    string Deployment,
    string ModelVersion,
    long Requests,
    double? RefusalRate,
    double? BlockedRate,
    double? MeanOutputChars);

/// <summary>Everything the model-integrity enricher read about an incident.</summary>
public sealed record ModelIntegrityEvidence
{
    /// <summary>What the incident is about.</summary>
    public required IncidentSubject Subject { get; init; }

    /// <summary>The window read.</summary>
    public required (DateTimeOffset Start, DateTimeOffset End) Window { get; init; }

    /// <summary>Inventory snapshots, oldest first.</summary>
    public IReadOnlyList<InventorySnapshot> Snapshots { get; init; } = [];

    /// <summary>Deployment changes, oldest first.</summary>
    public IReadOnlyList<DeploymentChange> Changes { get; init; } = [];

    /// <summary>Output statistics, oldest first.</summary>
    public IReadOnlyList<OutputMetricBin> Metrics { get; init; } = [];

    /// <summary>Baseline length for the first-time-deployer check.</summary>
    public TimeSpan DeployerBaseline { get; init; }

    /// <summary>Parts that could not be read.</summary>
    public IReadOnlyList<EvidenceGap> Gaps { get; init; } = [];
}
