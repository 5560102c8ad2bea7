using System.Diagnostics;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>
/// <c>-- cache-prune DIR</c>: what the end-of-run prune of a cache folder (<c>$AIPACK_CACHE_DIR/kql-trees</c> or
/// <c>kql-results</c>) costs: three scans of DIR under its bound (what every run pays; nothing is deleted), then a
/// prune to half the size of a copy of DIR in a temp folder (what a run over the bound pays).
/// </summary>
internal static class CachePruneScan
{
    public static int Run(string directory)
    {
        var store = new HashedFileStore(directory, "");
        for (var pass = 1; pass <= 3; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            var scan = store.Prune(long.MaxValue);
            Console.WriteLine($"scan {pass}: {scan.EntriesBefore} entries, {scan.BytesBefore / 1048576.0:F1} MB: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        }
        var copy = Directory.CreateTempSubdirectory("aipack-prune-bench-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(directory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
            }
            var copied = new HashedFileStore(copy, "");
            var bound = copied.Prune(long.MaxValue).BytesBefore / 2;
            var started = Stopwatch.GetTimestamp();
            var pruned = copied.Prune(bound);
            Console.WriteLine($"prune to half: deleted {pruned.EntriesDeleted} of {pruned.EntriesBefore} entries, {pruned.BytesAfter / 1048576.0:F1} MB left: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
        return 0;
    }
}
