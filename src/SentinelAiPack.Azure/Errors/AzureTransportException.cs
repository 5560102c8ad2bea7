namespace SentinelAiPack.Azure.Errors;

/// <summary>No usable HTTP answer: connection or TLS failure, broken body stream, or an open circuit breaker.</summary>
public sealed class AzureTransportException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public AzureTransportException(string operation, string message, Exception? inner = null)
        : base(operation, message, inner)
    {
    }
}
