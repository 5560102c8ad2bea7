using System.IO.Compression;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// A zip whose bytes depend only on its entries: entries in ordinal name order, every timestamp the DOS epoch
/// (1980-01-01), fixed compression level, no extra attributes.
/// </summary>
public static class DeterministicZip
{
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTimestamp;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }
}
