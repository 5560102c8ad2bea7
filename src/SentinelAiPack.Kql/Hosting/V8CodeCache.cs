using System.Security.Cryptography;
using System.Text;
using Microsoft.ClearScript.V8;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// Persists V8's compiled-code cache for the large bundle files, so later processes skip most of the compile.
/// Files are named by a hash of the script, the ClearScript version and the process architecture, and carry their
/// own SHA-256: V8 must never be handed damaged cache bytes, so a file that fails the check is ignored and rewritten.
/// </summary>
public sealed class V8CodeCache(string directory)
{
    private static readonly byte[] Magic = "AIPACKV8"u8.ToArray();
    private const int HeaderLength = 8 + 32;
    private const int KeyLength = 24;
    private const string Extension = ".v8cache";

    private static readonly string EngineVersion =
        typeof(V8ScriptEngine).Assembly.GetName().Version + "-" + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture;

    public string Directory { get; } = directory;

    public string PathFor(string scriptName, string scriptText)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(EngineVersion + "\n" + scriptName + "\n" + scriptText));
        return Path.Combine(Directory, Path.GetFileNameWithoutExtension(scriptName) + "-" + Convert.ToHexStringLower(key)[..KeyLength] + Extension);
    }

    /// <summary>The verified cache bytes, or null when the file is absent, truncated or altered.</summary>
    public byte[]? TryLoad(string path)
    {
        var file = AtomicFile.TryRead(path);
        if (file is null || file.Length <= HeaderLength || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }
        var payload = file.AsSpan(HeaderLength);
        return SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(Magic.Length, 32)) ? payload.ToArray() : null;
    }

    public void Store(string path, byte[] cacheBytes)
    {
        var file = new byte[HeaderLength + cacheBytes.Length];
        Magic.CopyTo(file, 0);
        SHA256.HashData(cacheBytes).CopyTo(file, Magic.Length);
        cacheBytes.CopyTo(file, HeaderLength);
        if (AtomicFile.TryWrite(path, file))
        {
            RemoveStaleSiblings(path);
        }
    }

    // A new file for a script means the bundle, ClearScript or architecture changed: the same script's older cache
    // files can never be read again, and at ~0.8 MB per upgrade they would pile up forever.
    private static void RemoveStaleSiblings(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !System.IO.Directory.Exists(folder))
        {
            return;
        }
        var name = Path.GetFileName(path);
        var stem = name[..(name.Length - "-".Length - KeyLength - Extension.Length)];
        foreach (var sibling in System.IO.Directory.EnumerateFiles(folder, stem + "-*" + Extension))
        {
            var siblingName = Path.GetFileName(sibling);
            var isSameScript = siblingName.Length == name.Length && IsHexKey(siblingName.AsSpan(stem.Length + 1, KeyLength));
            if (isSameScript && !string.Equals(siblingName, name, StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(sibling);
                }
                catch (IOException)
                {
                    // Another process may be reading or replacing it; the next store tries again.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static bool IsHexKey(ReadOnlySpan<char> key) => !key.ContainsAnyExcept(LowerHexDigits);

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");
}
