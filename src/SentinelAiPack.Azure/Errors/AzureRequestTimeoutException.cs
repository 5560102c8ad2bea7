namespace SentinelAiPack.Azure.Errors;

/// <summary>An attempt or the whole call (retries included) ran past its timeout.</summary>
public sealed class AzureRequestTimeoutException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public AzureRequestTimeoutException(string operation, string message, Exception? inner = null)
        : base(operation, message, inner)
    {
    }
}
