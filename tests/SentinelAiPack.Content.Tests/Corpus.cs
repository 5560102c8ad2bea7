using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Content.Tests;

/// <summary>The shared Azure-Sentinel corpus (shared/corpus/azure-sentinel, located by <see cref="RepositoryPaths"/>).</summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Root = new(() => RepositoryPaths.FindInSharedCorpus("azure-sentinel"));

    /// <summary>The azure-sentinel corpus folder; ignores the test when it is not on this machine.</summary>
    public static string AzureSentinel
    {
        get
        {
            if (Root.Value is null)
            {
                Assert.Ignore("The shared Azure-Sentinel corpus (shared/corpus/azure-sentinel) is not present above the test directory.");
            }
            return Root.Value!;
        }
    }

    public static IEnumerable<string> YamlFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(AzureSentinel, folder), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>Corpus YAML paths relative to the corpus root, for data-driven tests (empty when the corpus is absent).</summary>
    public static IEnumerable<string> AllYamlRelativePaths()
    {
        var root = Root.Value;
        if (root is null)
        {
            yield return "(corpus not found)";
            yield break;
        }
        foreach (var folder in new[] { "analytic-rules", "hunting-queries", "parsers" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.yaml").Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(root, file);
            }
        }
    }
}
