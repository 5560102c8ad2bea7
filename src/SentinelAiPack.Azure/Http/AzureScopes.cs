namespace SentinelAiPack.Azure.Http;

/// <summary>
/// Token scopes (audiences) per API. Each client asks for its own scope so a token for one API is never
/// presented to another.
/// </summary>
public static class AzureScopes
{
    /// <summary>Azure Resource Manager (deployments, Sentinel incidents).</summary>
    public const string Management = "https://management.azure.com/.default";

    /// <summary>Log Analytics query API (api.loganalytics.io).</summary>
    public const string LogAnalytics = "https://api.loganalytics.io/.default";

    /// <summary>
    /// Logs Ingestion API. The double slash is what Microsoft documents (resource <c>https://monitor.azure.com/</c>
    /// plus <c>/.default</c>).
    /// </summary>
    public const string MonitorIngestion = "https://monitor.azure.com//.default";
}
