namespace SentinelAiPack.Validation.Tests;

/// <summary>Finds shared/corpus/azure-sentinel by walking up from the test directory; ignores the test when absent.</summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "azure-sentinel");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    });

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
}
