using System.Security.Cryptography;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>Locates the official bundle files and our shim scripts shipped beside the assembly.</summary>
public sealed class KustoBundle(string directory)
{
    private string? _contentHash;

    public string Directory { get; } = Path.GetFullPath(directory);

    public static KustoBundle Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "kusto"));

    public string BridgeRuntime => Path.Combine(Directory, "bridge.min.js");
    public string KustoLanguage => Path.Combine(Directory, "Kusto.Language.Bridge.min.js");
    public string ShimDirectory => Path.Combine(Directory, "shim");
    public string NodeHostScript => Path.Combine(ShimDirectory, "node-host.js");

    /// <summary>Shim files in load order (file names sort by their numeric prefix); the node host script is not one of them.</summary>
    public IReadOnlyList<string> ShimFiles =>
        System.IO.Directory.GetFiles(ShimDirectory, "*.js")
            .Where(f => !Path.GetFileName(f).StartsWith("node-", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();

    /// <summary>Every script an engine loads, in load order: the Bridge.NET runtime, Kusto.Language, then the shim.</summary>
    public IReadOnlyList<string> ScriptFiles => [BridgeRuntime, KustoLanguage, .. ShimFiles];

    /// <summary>
    /// SHA-256 (hex) over every loaded script and the node host: analysis results cached under another hash were
    /// produced by other code and are not reused.
    /// </summary>
    public string ContentHash => _contentHash ??= ComputeContentHash();

    public void EnsureExists()
    {
        foreach (var file in new[] { BridgeRuntime, KustoLanguage })
        {
            if (!File.Exists(file))
            {
                throw new KqlHostException($"The Kusto.Language bundle file '{file}' is missing; rebuild (the build runs 'npm ci').");
            }
        }
        if (!System.IO.Directory.Exists(ShimDirectory))
        {
            throw new KqlHostException($"The KQL shim folder '{ShimDirectory}' is missing; rebuild.");
        }
    }

    private string ComputeContentHash()
    {
        EnsureExists();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = File.Exists(NodeHostScript) ? [.. ScriptFiles, NodeHostScript] : ScriptFiles;
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
