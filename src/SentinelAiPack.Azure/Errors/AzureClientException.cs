namespace SentinelAiPack.Azure.Errors;

/// <summary>
/// Base of every failure our clients raise, so a caller that must never crash (an enricher) catches one type.
/// Messages name the operation and never contain tokens.
/// </summary>
public class AzureClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AzureClientException(string operation, string message, Exception? inner = null)
        : base($"{operation}: {message}", inner)
    {
        Operation = operation;
    }

    /// <summary>What was being done, e.g. "Log Analytics query".</summary>
    public string Operation { get; }
}
