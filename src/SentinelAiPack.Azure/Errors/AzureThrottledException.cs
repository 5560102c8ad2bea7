using System.Net;

namespace SentinelAiPack.Azure.Errors;

/// <summary>429 that outlasted the retries (or asked for a longer wait than we accept).</summary>
public sealed class AzureThrottledException : AzureApiException
{
    /// <summary>Creates the exception.</summary>
    public AzureThrottledException(string operation, AzureErrorDetail? error, string? requestId, TimeSpan? retryAfter, string? bodySnippet = null)
        : base(operation, HttpStatusCode.TooManyRequests, error, requestId, bodySnippet)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The last Retry-After the service sent, if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
