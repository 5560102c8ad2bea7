namespace SentinelAiPack.Enrichment.Inventory;

/// <summary>
/// One row of <c>AIModelInventory_CL</c> as the Logs Ingestion API receives it (column names exactly as in
/// detections/schemas/AIModelInventory_CL.json). <see cref="CollectorRunId"/> with <see cref="ResourceId"/> identifies a
/// row, because a batch retried after a 5xx may be stored twice.
/// </summary>
public sealed record InventoryRow
{
    /// <summary>Time of the collector run.</summary>
    public required DateTimeOffset TimeGenerated { get; init; }

    /// <summary>Id of the run; every row of one snapshot shares it.</summary>
    public required string CollectorRunId { get; init; }

    /// <summary>AzureOpenAI or AzureML.</summary>
    public required string Platform { get; init; }

    /// <summary>ARM id of the deployment.</summary>
    public required string ResourceId { get; init; }

    /// <summary>Azure OpenAI account or AML workspace.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Online endpoint (AML); empty for Azure OpenAI.</summary>
    public string EndpointName { get; init; } = string.Empty;

    /// <summary>Deployment name.</summary>
    public required string DeploymentName { get; init; }

    /// <summary>Model served.</summary>
    public string ModelName { get; init; } = string.Empty;

    /// <summary>Version served.</summary>
    public string ModelVersion { get; init; } = string.Empty;

    /// <summary>Registry asset id of the model.</summary>
    public string ModelAssetId { get; init; } = string.Empty;

    /// <summary>Registry or workspace the model was registered in.</summary>
    public string RegistryName { get; init; } = string.Empty;

    /// <summary>SHA-256 of the artifact as deployed (lower-case hex), when recorded.</summary>
    public string DeployedSha256 { get; init; } = string.Empty;

    /// <summary>SHA-256 recorded at registration (lower-case hex), when recorded.</summary>
    public string RegisteredSha256 { get; init; } = string.Empty;

    /// <summary>Verified, Mismatch, NotRegistered, Unavailable.</summary>
    public required string IntegrityStatus { get; init; }

    /// <summary>Clean, MalwareDetected, NotScanned.</summary>
    public string ScanStatus { get; init; } = "NotScanned";

    /// <summary>Who last changed the deployment (ARM systemData.lastModifiedBy).</summary>
    public string DeployedBy { get; init; } = string.Empty;

    /// <summary>When the deployment was last changed (ARM systemData.lastModifiedAt).</summary>
    public DateTimeOffset? DeployedAt { get; init; }

    /// <summary>Share of endpoint traffic (AML).</summary>
    public int? TrafficPercent { get; init; }

    /// <summary>Content-filter policy (Azure OpenAI).</summary>
    public string RaiPolicyName { get; init; } = string.Empty;
}
