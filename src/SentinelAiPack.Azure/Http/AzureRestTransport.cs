using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.Http;

/// <summary>
/// One HttpClient per client and scope: resilience handler, then bearer token, then the primary handler.
/// Sends a request, reads the whole body, and turns every failure into an <see cref="AzureClientException"/>.
/// </summary>
internal sealed class AzureRestTransport : IDisposable
{
    private const int SnippetLength = 500;

    private readonly HttpClient _http;
    private readonly ILogger? _logger;

    public AzureRestTransport(TokenCredential credential, string scope, AzureClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Options = options;
        _logger = options.Logger;
        var primary = options.PrimaryHandlerFactory?.Invoke() ?? new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var token = new BearerTokenHandler(credential, scope, options.TimeProvider) { InnerHandler = primary };
        var resilience = new ResilienceHandler(ResiliencePipelineFactory.Create(options.Resilience, options.TimeProvider, _logger))
        {
            InnerHandler = token,
        };

        // Timeouts belong to the pipeline (with the injected clock), not to HttpClient's own wall-clock timer.
        _http = new HttpClient(resilience, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public AzureClientOptions Options { get; }

    public async Task<AzureRestResponse> SendAsync(
        HttpMethod method,
        Uri uri,
        HttpContent? content,
        string operation,
        CancellationToken cancellationToken,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString());
        configure?.Invoke(request);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _logger?.LogDebug(
                "{Method} {Host}{Path} -> {Status} in {Elapsed} ms",
                method.Method,
                uri.Host,
                uri.AbsolutePath,
                (int)response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new AzureRestResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AzureRequestTimeoutException(operation, $"no answer within the timeout ({ex.Timeout})", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new AzureRequestTimeoutException(operation, "the request was cancelled before an answer arrived", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new AzureTransportException(operation, "circuit breaker is open after repeated failures; not calling the service for now", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AzureTransportException(operation, $"HTTP request failed: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new AzureTransportException(operation, $"reading the answer failed: {ex.Message}", ex);
        }
        catch (CredentialUnavailableException ex)
        {
            throw new AzureCredentialException(operation, $"credential unavailable: {ex.Message}", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new AzureCredentialException(operation, $"no access token: {ex.Message}", ex);
        }
    }

    /// <summary>Throws the right exception type for a non-success response.</summary>
    public AzureClientException Failure(AzureRestResponse response, string operation)
    {
        var error = AzureErrorParser.TryParse(response.Body);
        var snippet = error is null ? Snippet(response.Body) : null;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new AzureAuthenticationException(operation, response.StatusCode, error, response.RequestId, snippet),
            HttpStatusCode.TooManyRequests =>
                new AzureThrottledException(operation, error, response.RequestId, RetryAfter.Read(response.Headers, Options.TimeProvider), snippet),
            _ => new AzureApiException(operation, response.StatusCode, error, response.RequestId, snippet),
        };
    }

    /// <summary>Parses a JSON body, or explains precisely why it is not JSON.</summary>
    public static JsonDocument ParseJson(AzureRestResponse response, string operation)
    {
        if (response.Body.Length == 0)
        {
            throw new AzureResponseFormatException(operation, response.StatusCode, "the body is empty");
        }

        try
        {
            return JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new AzureResponseFormatException(
                operation,
                response.StatusCode,
                $"invalid JSON at byte {ex.BytePositionInLine} of line {ex.LineNumber} ({response.Body.Length} bytes received; truncated?)",
                ex);
        }
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Snippet(byte[] body)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4));
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= SnippetLength ? clean : clean[..SnippetLength] + "…";
    }

    public void Dispose() => _http.Dispose();
}
