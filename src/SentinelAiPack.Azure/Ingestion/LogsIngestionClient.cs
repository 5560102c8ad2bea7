using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.Ingestion;

/// <summary>
/// Sends rows to a custom table through a data collection rule (learn.microsoft.com/azure/azure-monitor/logs/logs-ingestion-api-overview,
/// .../service-limits#logs-ingestion-api): <c>POST {endpoint}/dataCollectionRules/{dcrImmutableId}/streams/{streamName}?api-version=2023-01-01</c>
/// with a JSON array body (optionally <c>Content-Encoding: gzip</c>), answered 204. One call carries at most 1 MB, so
/// rows are split into batches; 429 carries Retry-After. Scope <c>https://monitor.azure.com//.default</c>.
/// A batch retried after a 5xx may be stored twice (the service has no de-duplication); rows should carry their own id.
/// </summary>
public sealed class LogsIngestionClient : IDisposable
{
    /// <summary>The api-version used for every call.</summary>
    public const string ApiVersion = "2023-01-01";

    private const string Operation = "Logs Ingestion upload";
    private readonly AzureRestTransport _transport;
    private readonly Uri _endpoint;

    /// <summary>Creates a client for a data collection endpoint (or a DCR's logs ingestion endpoint).</summary>
    public LogsIngestionClient(TokenCredential credential, Uri endpoint, AzureClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The ingestion endpoint must be an absolute https URL.", nameof(endpoint));
        }

        options ??= new AzureClientOptions();
        _endpoint = endpoint;
        _transport = new AzureRestTransport(credential, options.MonitorIngestionScope, options);
    }

    /// <summary>
    /// Serialises <paramref name="rows"/> with System.Text.Json (<paramref name="serializerOptions"/>, default web
    /// casing off) and uploads them in as few calls as the size limit allows.
    /// </summary>
    /// <exception cref="LogsIngestionException">A batch failed; <see cref="LogsIngestionException.RowsUploaded"/> tells how many went through.</exception>
    public async Task<LogsIngestionResult> UploadAsync<T>(
        string dcrImmutableId,
        string streamName,
        IEnumerable<T> rows,
        JsonSerializerOptions? serializerOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rule = UriPaths.Segment(dcrImmutableId, nameof(dcrImmutableId), UriPaths.ResourceName());
        var stream = UriPaths.Segment(streamName, nameof(streamName), UriPaths.ResourceName());
        var uri = UriPaths.Combine(_endpoint, $"dataCollectionRules/{rule}/streams/{stream}?api-version={ApiVersion}");

        var serialized = rows.Select(row => JsonSerializer.SerializeToUtf8Bytes(row, serializerOptions));
        var uploaded = 0;
        var calls = 0;
        foreach (var (body, count) in IngestionBatcher.Pack(serialized, _transport.Options.IngestionMaxBatchBytes))
        {
            try
            {
                var response = await _transport.SendAsync(HttpMethod.Post, uri, Content(body), Operation, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    throw _transport.Failure(response, Operation);
                }
            }
            catch (AzureClientException ex) when (ex is not LogsIngestionException)
            {
                throw new LogsIngestionException(uploaded, calls, ex);
            }

            uploaded += count;
            calls++;
        }

        return new LogsIngestionResult(uploaded, calls);
    }

    private ByteArrayContent Content(byte[] json)
    {
        if (!_transport.Options.IngestionGzip)
        {
            var plain = new ByteArrayContent(json);
            plain.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return plain;
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();
}

/// <summary>Rows sent and calls made.</summary>
public sealed record LogsIngestionResult(int RowsUploaded, int Calls);

/// <summary>An upload failed part-way; earlier batches were stored.</summary>
public sealed class LogsIngestionException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public LogsIngestionException(int rowsUploaded, int calls, AzureClientException cause)
        : base("Logs Ingestion upload", $"failed after {rowsUploaded} rows in {calls} calls: {cause.Message}", cause)
    {
        RowsUploaded = rowsUploaded;
        Calls = calls;
    }

    /// <summary>Rows stored before the failure.</summary>
    public int RowsUploaded { get; }

    /// <summary>Successful calls before the failure.</summary>
    public int Calls { get; }

    /// <summary>Status of the failed call when the service answered.</summary>
    public HttpStatusCode? StatusCode => (InnerException as AzureApiException)?.StatusCode;
}
