using System.Text.Json;

namespace SentinelAiPack.Kql.Tests;

/// <summary>The 1,026 real-world queries in the shared corpus, found by walking up to a folder holding <c>shared/corpus</c>.</summary>
internal static class Corpus
{
    private static IReadOnlyList<string>? s_queries;

    public static IReadOnlyList<string> LoadOrIgnore()
    {
        if (s_queries is not null)
        {
            return s_queries;
        }
        var file = Locate();
        if (file is null)
        {
            Assert.Ignore("The shared corpus (shared/corpus/real-world-queries.json above the repository) is not on this machine.");
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file!));
        return s_queries = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("q").GetString() ?? "").ToArray();
    }

    private static string? Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real-world-queries.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
