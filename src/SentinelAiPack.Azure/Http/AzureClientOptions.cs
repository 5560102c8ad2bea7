using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Azure.Http;

/// <summary>
/// Settings shared by every client: endpoints (public cloud by default, overridable for sovereign clouds and
/// for loopback tests), resilience, clock, logging and long-running-operation polling.
/// </summary>
public sealed class AzureClientOptions
{
    /// <summary>Azure Resource Manager endpoint.</summary>
    public Uri ManagementEndpoint { get; init; } = new("https://management.azure.com/");

    /// <summary>Log Analytics query endpoint.</summary>
    public Uri LogAnalyticsEndpoint { get; init; } = new("https://api.loganalytics.io/");

    /// <summary>Scope requested for ARM calls.</summary>
    public string ManagementScope { get; init; } = AzureScopes.Management;

    /// <summary>Scope requested for Log Analytics queries.</summary>
    public string LogAnalyticsScope { get; init; } = AzureScopes.LogAnalytics;

    /// <summary>Scope requested for the Logs Ingestion API.</summary>
    public string MonitorIngestionScope { get; init; } = AzureScopes.MonitorIngestion;

    /// <summary>Retries, timeouts and circuit breaker.</summary>
    public AzureResilienceOptions Resilience { get; init; } = new();

    /// <summary>Clock used by retries, timeouts and polling (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Creates the innermost handler. Null uses a <see cref="SocketsHttpHandler"/> with normal certificate
    /// validation; tests pass a handler that trusts exactly their loopback certificate.
    /// </summary>
    public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; init; }

    /// <summary>Receives one line per request and per retry: method, host, path, status. Never headers or bodies.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Poll interval of long-running ARM operations when the server sends no Retry-After.</summary>
    public TimeSpan LongRunningPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Give up waiting for a long-running ARM operation after this long.</summary>
    public TimeSpan LongRunningTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When false (default) a Log Analytics answer carrying a PartialError throws
    /// <see cref="LogAnalytics.LogQueryPartialException"/>, so incomplete data is never mistaken for complete data.
    /// </summary>
    public bool AllowPartialQueryResults { get; init; }

    /// <summary>Largest uncompressed JSON body per Logs Ingestion call (the documented limit is 1 MB).</summary>
    public int IngestionMaxBatchBytes { get; init; } = 1_000_000;

    /// <summary>Gzip Logs Ingestion bodies (documented as supported with <c>Content-Encoding: gzip</c>).</summary>
    public bool IngestionGzip { get; init; } = true;
}
