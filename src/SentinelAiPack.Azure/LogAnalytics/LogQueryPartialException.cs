using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// The service answered 200 with tables and a PartialError: the rows may be incomplete. Thrown unless
/// <see cref="Http.AzureClientOptions.AllowPartialQueryResults"/> is set; the partial rows stay available.
/// </summary>
public sealed class LogQueryPartialException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public LogQueryPartialException(string operation, LogQueryResult partialResult)
        : base(operation, "the service returned partial results" + Environment.NewLine + partialResult.PartialError?.Describe())
    {
        PartialResult = partialResult;
    }

    /// <summary>The tables that did arrive, with the error.</summary>
    public LogQueryResult PartialResult { get; }
}
