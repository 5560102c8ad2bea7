namespace SentinelAiPack.Azure.Http;

/// <summary>
/// Retry, timeout and circuit-breaker settings applied to every request (Polly v8 through
/// Microsoft.Extensions.Http.Resilience). Defaults suit an Azure Function or a CLI run.
/// </summary>
public sealed class AzureResilienceOptions
{
    /// <summary>Retries after the first attempt (429, 408, 500, 502, 503, 504, connection failures, attempt timeouts).</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>Base of the exponential back-off used when the server sends no Retry-After.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap of the computed exponential back-off.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest Retry-After we wait for. A server asking for more is not retried: the throttling error surfaces
    /// at once instead of parking a worker for minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Timeout of one attempt (until response headers arrive).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Timeout of a whole call including retries and their waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Failure ratio within <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; init; } = 0.5;

    /// <summary>Calls needed within the sampling window before the breaker may open.</summary>
    public int CircuitMinimumThroughput { get; init; } = 20;

    /// <summary>Window over which the failure ratio is measured.</summary>
    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit rejects calls before letting one through.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Adds random jitter to computed back-off (never to a server's Retry-After).</summary>
    public bool UseJitter { get; init; } = true;
}
