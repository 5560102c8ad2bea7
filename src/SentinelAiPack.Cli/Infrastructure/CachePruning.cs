using SentinelAiPack.Kql;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// Bounds the on-disk caches a run used: each is pruned once, when the run's services are disposed, so the run's own
/// writes count and its reads never race its own pruning. Pruning is best effort and never fails the run.
/// </summary>
public sealed class CachePruning : IDisposable
{
    private readonly Dictionary<string, (HashedFileStore Store, long MaxBytes)> _stores = new(StringComparer.Ordinal);

    /// <summary>Prunes <paramref name="store"/> to <paramref name="maxBytes"/> at the end of the run (once, however often it is added).</summary>
    public void Add(HashedFileStore store, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_stores)
        {
            _stores[store.Directory] = (store, maxBytes);
        }
    }

    public void Dispose()
    {
        lock (_stores)
        {
            foreach (var (store, maxBytes) in _stores.Values)
            {
                store.Prune(maxBytes);
            }
            _stores.Clear();
        }
    }
}
