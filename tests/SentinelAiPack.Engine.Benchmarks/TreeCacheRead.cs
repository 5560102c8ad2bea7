using System.Diagnostics;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>
/// <c>-- tree-cache-read DIR</c>: reads every entry of a tree cache (<c>$AIPACK_CACHE_DIR/kql-trees</c>, filled by
/// <c>aipack test</c>) the way a warm run does — checksum check, then the JSON into <see cref="TreeNode"/>s — three
/// passes in one fresh process: the first pass is what a warm <c>aipack test</c> pays, the later ones the jitted cost.
/// </summary>
internal static class TreeCacheRead
{
    public static int Run(string directory)
    {
        var files = Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"no tree cache entries under '{directory}'");
            return 2;
        }
        // The analyzer version only feeds new keys; entries are read by the key their file is named after.
        var store = new HashedFileStore(directory, "");
        var bytes = files.Sum(f => new FileInfo(f).Length);
        for (var pass = 1; pass <= 3; pass++)
        {
            long readTicks = 0, parseTicks = 0;
            var nodes = 0;
            foreach (var file in files)
            {
                var started = Stopwatch.GetTimestamp();
                var content = store.TryRead(Path.GetFileNameWithoutExtension(file)) ?? throw new InvalidDataException($"damaged entry {file}");
                var read = Stopwatch.GetTimestamp();
                var tree = TreeJson.TryParseTree(content, "") ?? throw new InvalidDataException($"unreadable tree {file}");
                parseTicks += Stopwatch.GetTimestamp() - read;
                readTicks += read - started;
                nodes += tree.Root.Nodes.Count;
            }
            Console.WriteLine($"pass {pass}: {files.Length} trees, {bytes / 1048576.0:F1} MB: read + checksum {Ms(readTicks):F0} ms, JSON to trees {Ms(parseTicks):F0} ms");
        }
        return 0;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
