namespace SentinelAiPack.Kql;

/// <summary>What one prune of a cache folder found and removed.</summary>
/// <param name="EntriesBefore">Entries found.</param>
/// <param name="BytesBefore">Their total size.</param>
/// <param name="EntriesDeleted">Least-recently-used entries deleted to get under the bound.</param>
/// <param name="BytesAfter">The size of the entries that remain.</param>
public sealed record CachePruneResult(int EntriesBefore, long BytesBefore, int EntriesDeleted, long BytesAfter)
{
    public static readonly CachePruneResult Empty = new(0, 0, 0, 0);
}
