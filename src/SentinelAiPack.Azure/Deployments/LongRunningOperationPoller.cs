using System.Net;
using System.Text.Json;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.Deployments;

/// <summary>
/// ARM's asynchronous operation pattern (learn.microsoft.com/azure/azure-resource-manager/management/async-operations):
/// poll <c>Azure-AsyncOperation</c> until its <c>status</c> is terminal, or poll <c>Location</c> while it answers 202.
/// Waits honour <c>Retry-After</c>. Poll URLs must be on the management endpoint's host, so a forged header can never
/// send our token elsewhere.
/// </summary>
internal sealed class LongRunningOperationPoller
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaximumWait = TimeSpan.FromMinutes(1);

    private readonly AzureRestTransport _transport;

    public LongRunningOperationPoller(AzureRestTransport transport)
    {
        _transport = transport;
    }

    /// <summary>Polls an Azure-AsyncOperation URL; returns the final status body's status and error.</summary>
    public Task<AsyncOperationOutcome> PollAsyncOperationAsync(
        string headerValue, TimeSpan? firstWait, string operation, CancellationToken cancellationToken) =>
        PollAsync(headerValue, firstWait, operation, cancellationToken, response =>
        {
            if (!response.IsSuccess)
            {
                throw _transport.Failure(response, operation);
            }

            using var document = AzureRestTransport.ParseJson(response, operation);
            var root = document.RootElement;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : throw new AzureResponseFormatException(operation, response.StatusCode, "the operation status has no 'status'");
            if (!IsTerminal(status))
            {
                return null;
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? AzureErrorParser.Read(e, 0) : null;
            return new AsyncOperationOutcome(status, error);
        });

    /// <summary>Polls a Location URL while it answers 202; returns the first other response.</summary>
    public Task<AzureRestResponse> PollLocationAsync(string headerValue, TimeSpan? firstWait, string operation, CancellationToken cancellationToken) =>
        PollAsync(headerValue, firstWait, operation, cancellationToken, response => response.StatusCode == HttpStatusCode.Accepted ? null : response);

    /// <summary>Waits, GETs the URL, and repeats until <paramref name="finished"/> returns a value.</summary>
    private async Task<T> PollAsync<T>(string headerValue, TimeSpan? firstWait, string operation, CancellationToken cancellationToken, Func<AzureRestResponse, T?> finished)
        where T : class
    {
        var uri = Resolve(headerValue, operation);
        var deadline = _transport.Options.TimeProvider.GetUtcNow() + _transport.Options.LongRunningTimeout;
        var wait = firstWait;
        while (true)
        {
            await WaitAsync(wait, deadline, operation, cancellationToken).ConfigureAwait(false);
            var response = await _transport.SendAsync(HttpMethod.Get, uri, null, operation, cancellationToken).ConfigureAwait(false);
            if (finished(response) is { } result)
            {
                return result;
            }

            wait = RetryAfter.Read(response.Headers, _transport.Options.TimeProvider);
        }
    }

    public static bool IsTerminal(string status) =>
        status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase)
        || status.Equals("Failed", StringComparison.OrdinalIgnoreCase)
        || status.Equals("Canceled", StringComparison.OrdinalIgnoreCase);

    private async Task WaitAsync(TimeSpan? requested, DateTimeOffset deadline, string operation, CancellationToken cancellationToken)
    {
        var clock = _transport.Options.TimeProvider;
        var wait = requested ?? _transport.Options.LongRunningPollInterval;
        wait = wait < MinimumWait ? MinimumWait : wait > MaximumWait ? MaximumWait : wait;
        if (clock.GetUtcNow() + wait > deadline)
        {
            throw new AzureRequestTimeoutException(operation, $"the operation did not finish within {_transport.Options.LongRunningTimeout}");
        }

        await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
    }

    private Uri Resolve(string headerValue, string operation)
    {
        var management = _transport.Options.ManagementEndpoint;
        if (!Uri.TryCreate(headerValue, UriKind.RelativeOrAbsolute, out var parsed))
        {
            throw new AzureResponseFormatException(operation, HttpStatusCode.Accepted, "the polling header is not a URL");
        }

        var uri = parsed.IsAbsoluteUri ? parsed : new Uri(management, parsed);
        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Authority, management.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureResponseFormatException(operation, HttpStatusCode.Accepted, $"refusing to poll '{uri.Scheme}://{uri.Authority}': not the management endpoint");
        }

        return uri;
    }
}

/// <summary>Terminal status of an Azure-AsyncOperation and its error, if any.</summary>
internal sealed record AsyncOperationOutcome(string Status, AzureErrorDetail? Error);
