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
        var results = new KqlAnalysis[requests.Count];
        var keys = new string[requests.Count];
        var misses = new List<int>();
        var fingerprint = schemas.Fingerprint;
        for (var i = 0; i < requests.Count; i++)
        {
            keys[i] = Cache.KeyOf(requests[i], fingerprint);
            if (Cache.TryGet(keys[i], requests[i].Id) is { } hit)
            {
                results[i] = hit;
            }
            else
            {
                misses.Add(i);
            }
        }
        if (misses.Count == 0)
        {
            return results;
        }
        var fresh = await inner.AnalyzeAsync(misses.Select(i => requests[i]).ToArray(), schemas, cancellationToken).ConfigureAwait(false);
        for (var m = 0; m < misses.Count; m++)
        {
            var i = misses[m];
            results[i] = fresh[m];
            // A result the analyzer could not finish may depend on the machine (stack size); analyze it again next time.
            if (fresh[m].Failure is null)
            {
                Cache.Store(keys[i], fresh[m]);
            }
        }
        return results;
    }
}
