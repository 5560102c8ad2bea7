using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Enrichment.Queries;

/// <summary>Runs enricher queries on one Log Analytics workspace, with the API's timespan covering the bound window.</summary>
public sealed class QueryRunner(LogAnalyticsQueryClient client, string workspaceId)
{
    // The service applies the timespan in addition to the query's own filters; a little slack keeps boundary rows.
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="query"/> with <paramref name="arguments"/>; returns the primary table.</summary>
    public async Task<LogTable> RunAsync(EnrichmentQuery query, QueryArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(arguments);
        var parameters = arguments.ToParameters(query);
        LogQueryTimeRange? range = arguments.TimeRange is { } window
            ? LogQueryTimeRange.Between(window.Start - Slack, window.End + Slack)
            : null;
        var result = await client.QueryAsync(workspaceId, query.Body, parameters, range, cancellationToken).ConfigureAwait(false);
        return result.PrimaryTable;
    }
}
