using System.Text.Json;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Kql.Tests;

/// <summary>The 1,026 real-world queries in the shared corpus (located by <see cref="RepositoryPaths"/>).</summary>
internal static class Corpus
{
    private static IReadOnlyList<string>? s_queries;

    public static IReadOnlyList<string> LoadOrIgnore()
    {
        if (s_queries is not null)
        {
            return s_queries;
        }
        var file = RepositoryPaths.InSharedCorpusOrIgnore("real-world-queries.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        return s_queries = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("q").GetString() ?? "").ToArray();
    }
}
