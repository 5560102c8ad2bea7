using System.Net;

namespace SentinelAiPack.Azure.Errors;

/// <summary>
/// 401/403: missing or rejected token, wrong audience (InvalidAuthenticationTokenAudience) or missing role.
/// </summary>
public sealed class AzureAuthenticationException : AzureApiException
{
    /// <summary>Creates the exception.</summary>
    public AzureAuthenticationException(string operation, HttpStatusCode statusCode, AzureErrorDetail? error, string? requestId, string? bodySnippet = null)
        : base(operation, statusCode, error, requestId, bodySnippet)
    {
    }

    /// <summary>True when the service says the token was issued for another audience.</summary>
    public bool IsWrongAudience =>
        Error?.Flatten().Any(e => string.Equals(e.Code, "InvalidAuthenticationTokenAudience", StringComparison.OrdinalIgnoreCase)) == true;
}
