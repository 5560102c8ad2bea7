using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SentinelAiPack.Azure.Http;

/// <summary>
/// Builds the one resilience pipeline every client uses, outermost first: total timeout, retry (honouring
/// Retry-After), circuit breaker, per-attempt timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(AzureResilienceOptions options, TimeProvider clock, ILogger? logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total-timeout" });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(options, clock, logger));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt-timeout" });
        return builder.Build();
    }

    private static HttpRetryStrategyOptions RetryOptions(AzureResilienceOptions options, TimeProvider clock, ILogger? logger) => new()
    {
        Name = "retry",
        MaxRetryAttempts = options.MaxRetryAttempts,
        Delay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, clock)),

        // The server's Retry-After wins over computed back-off; without one, Polly's exponential back-off applies.
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Result is { } response ? RetryAfter.Read(response.Headers, clock) : null),
        OnRetry = args =>
        {
            logger?.LogInformation(
                "Retry {Attempt} in {Delay} after {Outcome}",
                args.AttemptNumber + 1,
                args.RetryDelay,
                args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name);
            return default;
        },
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, AzureResilienceOptions options, TimeProvider clock)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                && outcome.Exception is not BrokenCircuitException;
        }

        var response = outcome.Result!;
        if (!IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server asking for a longer pause than we accept gets its error surfaced instead of a parked worker.
        var wait = RetryAfter.Read(response.Headers, clock);
        return wait is null || wait <= options.MaxRetryAfter;
    }

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
