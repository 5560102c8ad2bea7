using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql;

/// <summary>Analyzes KQL with Microsoft's official Kusto.Language analyzer.</summary>
public interface IKqlAnalyzer
{
    /// <summary>
    /// Analyzes <paramref name="requests"/> against <paramref name="schemas"/>; results come back in request order.
    /// A query the analyzer cannot finish yields a result with <see cref="KqlAnalysis.Failure"/> set, never an exception.
    /// </summary>
    Task<IReadOnlyList<KqlAnalysis>> AnalyzeAsync(IReadOnlyList<KqlRequest> requests, SchemaSet schemas, CancellationToken cancellationToken = default);
}
