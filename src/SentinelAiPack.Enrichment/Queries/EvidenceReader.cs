using System.Collections.Concurrent;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Enrichment.Conversation;

namespace SentinelAiPack.Enrichment.Queries;

/// <summary>
/// Runs one section's query and maps its rows; a failure of the workspace (throttled past the retries, a parser
/// missing, a broken answer) becomes an <see cref="EvidenceGap"/> so the other sections still reach the comment.
/// </summary>
internal sealed class EvidenceReader(QueryRunner runner)
{
    private readonly ConcurrentQueue<EvidenceGap> _gaps = new();

    public IReadOnlyList<EvidenceGap> Gaps => [.. _gaps];

    public void Gap(string section, string reason) => _gaps.Enqueue(new EvidenceGap(section, reason));

    public async Task<IReadOnlyList<T>> ReadAsync<T>(
        string section, EnrichmentQuery query, QueryArguments arguments, Func<LogTable, LogRow, T> map, CancellationToken cancellationToken)
    {
        try
        {
            var table = await runner.RunAsync(query, arguments, cancellationToken).ConfigureAwait(false);
            return table.Rows.Select(row => map(table, row)).ToList();
        }
        catch (AzureClientException ex)
        {
            _gaps.Enqueue(new EvidenceGap(section, ex.Message));
            return [];
        }
    }
}
