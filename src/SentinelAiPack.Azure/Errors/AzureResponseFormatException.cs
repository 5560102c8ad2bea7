using System.Net;

namespace SentinelAiPack.Azure.Errors;

/// <summary>A success status with a body that is not the documented JSON (truncated, empty, wrong shape).</summary>
public sealed class AzureResponseFormatException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public AzureResponseFormatException(string operation, HttpStatusCode statusCode, string problem, Exception? inner = null)
        : base(operation, $"HTTP {(int)statusCode} with a body that is not the documented JSON: {problem}", inner)
    {
        StatusCode = statusCode;
    }

    /// <summary>Status of the response whose body could not be read.</summary>
    public HttpStatusCode StatusCode { get; }
}
