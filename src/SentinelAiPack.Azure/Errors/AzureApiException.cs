using System.Net;

namespace SentinelAiPack.Azure.Errors;

/// <summary>The service answered with an error status; <see cref="Error"/> holds its documented error body.</summary>
public class AzureApiException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public AzureApiException(string operation, HttpStatusCode statusCode, AzureErrorDetail? error, string? requestId, string? bodySnippet = null)
        : base(operation, Compose(statusCode, error, requestId, bodySnippet))
    {
        StatusCode = statusCode;
        Error = error;
        RequestId = requestId;
    }

    /// <summary>HTTP status of the final attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Parsed error body, or null when the body was not the documented JSON.</summary>
    public AzureErrorDetail? Error { get; }

    /// <summary>x-ms-request-id (or correlation id) for support cases.</summary>
    public string? RequestId { get; }

    private static string Compose(HttpStatusCode status, AzureErrorDetail? error, string? requestId, string? snippet)
    {
        var head = $"HTTP {(int)status} {status}";
        var body = error is not null ? Environment.NewLine + error.Describe()
            : string.IsNullOrWhiteSpace(snippet) ? string.Empty : $"{Environment.NewLine}body: {snippet}";
        var id = requestId is null ? string.Empty : $"{Environment.NewLine}request id: {requestId}";
        return head + body + id;
    }
}
