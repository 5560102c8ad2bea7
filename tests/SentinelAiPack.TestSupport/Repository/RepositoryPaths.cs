namespace SentinelAiPack.TestSupport.Repository;

/// <summary>
/// Where the repository and the shared corpus are, for every test project and harness: found by walking up from the
/// output folder, then from the working directory (harnesses that copy themselves elsewhere). The repository root holds
/// <c>SentinelAiPack.sln</c>; the shared corpus is a <c>shared/corpus</c> folder above the test, outside the repository
/// on machines that have it, so tests that need it are ignored where it is absent.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string?> RootPath = new(() => FindAbove(directory => File.Exists(Path.Combine(directory, "SentinelAiPack.sln")) ? directory : null));

    private static readonly Lazy<string?> CorpusPath = new(() => FindAbove(directory =>
    {
        var corpus = Path.Combine(directory, "shared", "corpus");
        return Directory.Exists(corpus) ? corpus : null;
    }));

    /// <summary>The repository root (the folder of SentinelAiPack.sln).</summary>
    public static string Root => RootPath.Value ?? throw new InvalidOperationException("SentinelAiPack.sln not found above the test directory");

    public static string Detections => Path.Combine(Root, "detections");

    public static string Schemas => Path.Combine(Detections, "schemas");

    public static string Parsers => Path.Combine(Detections, "parsers");

    public static string Playbooks => Path.Combine(Root, "playbooks");

    public static string Workbooks => Path.Combine(Root, "workbooks");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>The sample customer repository (Azure-Sentinel layout, no aipack.yaml) the CLI and CI tests run on.</summary>
    public static string CustomerRepository => Path.Combine(Root, "tests", "samples", "customer-repo");

    /// <summary>A file or folder below <c>shared/corpus</c> (empty: the corpus itself), or null when this machine does not have it.</summary>
    public static string? FindInSharedCorpus(string relative = "")
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (CorpusPath.Value is not { } corpus)
        {
            return null;
        }
        var path = relative.Length == 0 ? corpus : Path.Combine(corpus, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>A file or folder below <c>shared/corpus</c>; ignores the calling test when this machine does not have it.</summary>
    public static string InSharedCorpusOrIgnore(string relative = "")
    {
        var path = FindInSharedCorpus(relative);
        if (path is null)
        {
            Assert.Ignore($"The shared corpus (shared/corpus/{relative.Replace('\\', '/')}) is not above the test directory on this machine.");
        }
        return path!;
    }

    private static string? FindAbove(Func<string, string?> match)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (match(directory.FullName) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }
}
