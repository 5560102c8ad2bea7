using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Engine.Tests;

/// <summary>The repository's own content (detections/): schemas and parsers, loaded once.</summary>
internal static class PackContent
{
    private static readonly Lazy<(ContentSet Content, SchemaSet Schemas)> Loaded = new(() =>
    {
        var content = ContentLoader.Load([RepositoryPaths.Detections]);
        var builder = new SchemaSetBuilder().AddFolder(RepositoryPaths.Schemas);
        builder.AddParsers(content.Parsers);
        return (content, builder.Build().Schemas);
    });

    public static string Root => RepositoryPaths.Root;

    public static ContentSet Content => Loaded.Value.Content;

    public static SchemaSet Schemas => Loaded.Value.Schemas;
}
