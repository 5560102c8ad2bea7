using System.Text.Json;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Benchmarks;

/// <summary>
/// Inputs shared by the benchmarks: the 1,026 real-world corpus queries and the ten real Azure-Sentinel table
/// schemas beside them, located by <see cref="RepositoryPaths"/>.
/// </summary>
internal static class BenchmarkData
{
    private static readonly Lazy<string> CorpusDirectory = new(Locate);

    public static IReadOnlyList<string> Queries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusDirectory.Value, "real-world-queries.json")));
        return doc.RootElement.EnumerateArray().Select(e => e.GetProperty("q").GetString() ?? "").ToArray();
    }

    /// <summary>The Azure-Sentinel schema files (<c>{"Name", "Properties": [{"Name","Type"}]}</c>) as one schema set (duplicate columns dropped).</summary>
    public static SchemaSet Schemas()
    {
        var set = new SchemaSet();
        foreach (var file in Directory.GetFiles(Path.Combine(CorpusDirectory.Value, "azure-sentinel", "schemas"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var columns = Property(doc.RootElement, "Properties").EnumerateArray()
                .Select(p => new ColumnSchema(Property(p, "Name").GetString()!, Property(p, "Type").GetString()!))
                .DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToArray();
            set.AddOrReplace(new TableSchema(Property(doc.RootElement, "Name").GetString()!, columns));
        }
        return set;
    }

    // Some real files spell the keys in lower case (IdentityInfo.json).
    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Locate() =>
        Path.GetDirectoryName(RepositoryPaths.FindInSharedCorpus("real-world-queries.json")
            ?? throw new InvalidOperationException("shared/corpus/real-world-queries.json was not found above the working directory."))!;
}
