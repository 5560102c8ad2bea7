using System.Security.Cryptography;
using System.Text;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>
/// The on-disk store under every analyzer cache: one file per entry, named by the SHA-256 of everything that decides
/// the entry (the caller's key text, the entry format and the analyzer code's hash), so an upgraded analyzer never sees
/// old entries. Each file starts with a checksum line: a truncated or damaged file reads as a miss (and is rewritten by
/// the next store) instead of handing back a wrong entry. Writes go to a temp file and are renamed, so concurrent runs
/// never see a torn file. <see cref="Prune"/> bounds the folder's size by deleting the least-recently-used entries;
/// an entry deleted under a reader is a miss.
/// </summary>
public sealed class HashedFileStore
{
    private const string HeaderPrefix = "aipack-cache sha256=";
    private const int HeaderLength = 20 + 64 + 1;

    /// <summary>A hit refreshes its entry's last-write time (what <see cref="Prune"/> ranks by) at most this often, so warm runs write no metadata.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromHours(1);

    /// <param name="directory">Where entries are kept.</param>
    /// <param name="analyzerVersion">Identifies the analyzer code (bundle + shim hash); part of every key.</param>
    public HashedFileStore(string directory, string analyzerVersion)
    {
        Directory = directory;
        AnalyzerVersion = analyzerVersion;
    }

    public string Directory { get; }

    public string AnalyzerVersion { get; }

    /// <summary>The key of an entry of <paramref name="format"/> decided by <paramref name="text"/>.</summary>
    public string KeyOf(string format, string text)
    {
        var keyed = new StringBuilder(text.Length + format.Length + AnalyzerVersion.Length + 2)
            .Append(format).Append('\n').Append(AnalyzerVersion).Append('\n').Append(text).ToString();
        // Lone surrogates cannot be encoded as UTF-8; hash the UTF-16 code units so every text has its own key.
        return Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(keyed.AsSpan())));
    }

    /// <summary>The entry's content, or null when it is absent, unreadable, truncated or damaged.</summary>
    public byte[]? TryRead(string key)
    {
        var path = PathOf(key);
        var bytes = AtomicFile.TryRead(path);
        if (bytes is null || bytes.Length < HeaderLength || !bytes.AsSpan(0, HeaderPrefix.Length).SequenceEqual(Encoding.ASCII.GetBytes(HeaderPrefix)))
        {
            return null;
        }
        var content = bytes.AsSpan(HeaderLength);
        var expected = Encoding.ASCII.GetString(bytes, HeaderPrefix.Length, 64);
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != expected)
        {
            return null;
        }
        MarkUsed(path);
        return content.ToArray();
    }

    /// <summary>Stores an entry; false when the disk refuses (the cache is an optimisation, never an error).</summary>
    public bool TryWrite(string key, ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes(HeaderPrefix + Convert.ToHexStringLower(SHA256.HashData(content)) + "\n");
        var file = new byte[header.Length + content.Length];
        header.CopyTo(file, 0);
        content.CopyTo(file.AsSpan(header.Length));
        return AtomicFile.TryWrite(PathOf(key), file);
    }

    /// <summary>
    /// Deletes the least-recently-used entries until the folder holds at most <paramref name="maxBytes"/> of them, and
    /// temp files abandoned by killed writers. Never throws for files other processes change meanwhile.
    /// </summary>
    public CachePruneResult Prune(long maxBytes) => CacheFolderPruner.Prune(Directory, maxBytes);

    private static void MarkUsed(string path)
    {
        try
        {
            var now = DateTime.UtcNow;
            if (File.GetLastWriteTimeUtc(path) < now - UseResolution)
            {
                File.SetLastWriteTimeUtc(path, now);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache or an entry pruned meanwhile: the hit stands, only its recency is not recorded.
        }
    }

    /// <summary>The file of an entry (two-character fan-out folders keep directories small).</summary>
    public string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");
}
