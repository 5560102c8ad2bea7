using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql;

/// <summary>
/// Answers from <see cref="KqlResultCache"/> what an earlier run already analyzed and sends only the rest to the
/// inner analyzer; a run where everything hits never touches the inner analyzer, so no engine is started.
/// </summary>
public sealed class CachedKqlAnalyzer(IKqlAnalyzer inner, KqlResultCache cache) : IKqlAnalyzer
{
    public KqlResultCache Cache { get; } = cache;

    public async Task<IReadOnlyList<KqlAnalysis>> AnalyzeAsync(IReadOnlyList<KqlRequest> requests, SchemaSet schemas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(schemas);
        var found = new KqlAnalysis?[requests.Count];
        var keys = new string[requests.Count];
        var fingerprint = schemas.Fingerprint;
        // Lookups are independent small file reads: spread them over the cores.
        Parallel.For(0, requests.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            keys[i] = Cache.KeyOf(requests[i], fingerprint);
            found[i] = Cache.TryGet(keys[i], requests[i].Id);
        });
        var misses = Enumerable.Range(0, requests.Count).Where(i => found[i] is null).ToArray();
        var fresh = misses.Length == 0
            ? []
            : await inner.AnalyzeAsync(misses.Select(i => requests[i]).ToArray(), schemas, cancellationToken).ConfigureAwait(false);
        for (var m = 0; m < misses.Length; m++)
        {
            found[misses[m]] = fresh[m];
            // A result the analyzer could not finish may depend on the machine (load, stack size): analyze it again next time.
            if (fresh[m].Failure is null)
            {
                Cache.Store(keys[misses[m]], fresh[m]);
            }
        }
        var results = new KqlAnalysis[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = found[i]!;
        }
        return results;
    }
}
