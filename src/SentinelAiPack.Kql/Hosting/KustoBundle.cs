namespace SentinelAiPack.Kql.Hosting;

/// <summary>Locates the official bundle files and our shim scripts shipped beside the assembly.</summary>
public sealed record KustoBundle(string Directory)
{
    public static KustoBundle Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "kusto"));

    public string BridgeRuntime => Path.Combine(Directory, "bridge.min.js");
    public string KustoLanguage => Path.Combine(Directory, "Kusto.Language.Bridge.min.js");
    public string ShimDirectory => Path.Combine(Directory, "shim");

    /// <summary>Shim files in load order (file names sort by their numeric prefix).</summary>
    public IReadOnlyList<string> ShimFiles =>
        System.IO.Directory.GetFiles(ShimDirectory, "*.js")
            .Where(f => !Path.GetFileName(f).StartsWith("node-", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();

    public void EnsureExists()
    {
        foreach (var file in new[] { BridgeRuntime, KustoLanguage })
        {
            if (!File.Exists(file))
            {
                throw new KqlHostException($"The Kusto.Language bundle file '{file}' is missing; rebuild (the build runs 'npm ci').");
            }
        }
    }
}
