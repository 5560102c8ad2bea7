using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Docs;

/// <summary>The <c>docs/</c> folder: a page per analytics rule and hunting query, the index with the coverage matrices, and the watchlists reference.</summary>
public static class DocsOutput
{
    public const string Folder = "docs";

    public static IEnumerable<ArtifactFile> Files(PackContent content, IReadOnlyDictionary<string, SampleOutput>? sampleOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var item in content.Rules.Concat(content.HuntingQueries))
        {
            var output = sampleOutputs?.GetValueOrDefault(item.Key);
            yield return ArtifactFile.Text($"{Folder}/{ItemPage.RelativePath(item)}", ItemPage.Render(content, item, output));
        }
        yield return ArtifactFile.Text($"{Folder}/{IndexPage.FileName}", IndexPage.Render(content));
        yield return ArtifactFile.Text($"{Folder}/{WatchlistsPage.FileName}", WatchlistsPage.Render(content));
    }
}
