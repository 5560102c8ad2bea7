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

    private static readonly string EngineVersion =
        typeof(V8ScriptEngine).Assembly.GetName().Version + "-" + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture;

    public string Directory { get; } = directory;

    public string PathFor(string scriptName, string scriptText)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(EngineVersion + "\n" + scriptName + "\n" + scriptText));
        return Path.Combine(Directory, Path.GetFileNameWithoutExtension(scriptName) + "-" + Convert.ToHexStringLower(key)[..24] + ".v8cache");
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
        AtomicFile.TryWrite(path, file);
    }
}
