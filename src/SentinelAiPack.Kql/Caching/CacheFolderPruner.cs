namespace SentinelAiPack.Kql;

/// <summary>
/// Keeps a <see cref="HashedFileStore"/> folder under a size bound by deleting the entries used longest ago (by their
/// last-write time, which <see cref="HashedFileStore.TryRead"/> refreshes on a hit). Only files shaped like the store's
/// own entries (<c>xx/&lt;sha-256&gt;.json</c> in a real sub-folder) and abandoned temp files of its writes are ever
/// deleted. Other processes may read, write and prune the same folder meanwhile: every file-system call treats a file
/// or folder that vanished as already gone, and a reader whose entry is deleted under it sees a miss.
/// </summary>
internal static class CacheFolderPruner
{
    private const int KeyLength = 64;
    private const string EntryExtension = ".json";
    private const string TempExtension = ".tmp";

    /// <summary>Temp files older than this belong to a write that never finished (a killed process); younger ones may be in flight.</summary>
    private static readonly TimeSpan AbandonedTempAge = TimeSpan.FromHours(1);

    public static CachePruneResult Prune(string directory, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var abandonedBefore = DateTime.UtcNow - AbandonedTempAge;
        var entries = new List<(FileInfo File, long Length, DateTime LastUsed)>();
        foreach (var folder in Snapshot(() => new DirectoryInfo(directory).EnumerateDirectories()))
        {
            // A linked folder could point anywhere: never follow it.
            if (!IsFanOutName(folder.Name) || folder.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                continue;
            }
            foreach (var file in Snapshot(folder.EnumerateFiles))
            {
                if (IsEntryName(file.Name, folder.Name) && TryStat(file) is { } stat)
                {
                    entries.Add((file, stat.Length, stat.LastWriteUtc));
                }
                else if (IsTempName(file.Name, folder.Name) && TryStat(file) is { } temp && temp.LastWriteUtc < abandonedBefore)
                {
                    TryDelete(file);
                }
            }
        }

        var total = entries.Sum(e => e.Length);
        var before = total;
        var deleted = 0;
        foreach (var entry in entries.OrderBy(e => e.LastUsed))
        {
            if (total <= maxBytes)
            {
                break;
            }
            if (TryDelete(entry.File))
            {
                total -= entry.Length;
                deleted++;
            }
        }
        return new CachePruneResult(entries.Count, before, deleted, total);
    }

    private static bool IsFanOutName(string name) => name.Length == 2 && IsLowerHex(name);

    private static bool IsEntryName(string name, string folder) =>
        name.Length == KeyLength + EntryExtension.Length && name.EndsWith(EntryExtension, StringComparison.Ordinal) && IsKey(name, folder);

    /// <summary>The temp name <c>AtomicFile</c> gives an entry's write: <c>&lt;entry&gt;.&lt;pid&gt;.&lt;random&gt;.tmp</c>.</summary>
    private static bool IsTempName(string name, string folder) =>
        name.Length > KeyLength + EntryExtension.Length + TempExtension.Length && name.EndsWith(TempExtension, StringComparison.Ordinal)
        && name.AsSpan(KeyLength).StartsWith(EntryExtension + ".", StringComparison.Ordinal) && IsKey(name, folder);

    private static bool IsKey(string name, string folder) => name.StartsWith(folder, StringComparison.Ordinal) && IsLowerHex(name.AsSpan(0, KeyLength));

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The listing of a folder, or nothing when the folder is gone or unreadable.</summary>
    private static List<T> Snapshot<T>(Func<IEnumerable<T>> list)
    {
        try
        {
            return list().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static (long Length, DateTime LastWriteUtc)? TryStat(FileInfo file)
    {
        try
        {
            return (file.Length, file.LastWriteTimeUtc);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
