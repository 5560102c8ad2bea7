namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// Built-in Azure role definition ids (the same in every tenant) of the least-privilege roles the Function App needs.
/// </summary>
public static class RoleDefinitions
{
    /// <summary>Microsoft Sentinel Responder: read incidents, alerts and entities; add comments; change labels and severity.</summary>
    public const string SentinelResponder = "3e150937-b8fe-4cfb-8069-0eaf05ecd056";

    /// <summary>Log Analytics Reader: run queries (the parsers) on the workspace.</summary>
    public const string LogAnalyticsReader = "73c42c96-874c-492b-b04d-ab87d138a893";

    /// <summary>Monitoring Metrics Publisher: send rows through the inventory data collection rule.</summary>
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>Storage Blob Data Owner: the Functions host's storage (leases, timers' schedule state) and the deployment package container, by managed identity.</summary>
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

    /// <summary>Reader: list Azure OpenAI and Azure ML deployments and model versions (inventory collector).</summary>
    public const string Reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
}
