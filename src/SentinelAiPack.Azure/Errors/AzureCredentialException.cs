namespace SentinelAiPack.Azure.Errors;

/// <summary>No token could be obtained: unknown credential name, missing configuration, or Entra ID refused.</summary>
public sealed class AzureCredentialException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public AzureCredentialException(string operation, string message, Exception? inner = null)
        : base(operation, message, inner)
    {
    }
}
