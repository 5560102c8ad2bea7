using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Engine.Tests;

/// <summary>The repository's own content (detections/): schemas and parsers, loaded once.</summary>
internal static class PackContent
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "aipack.yaml")) && Directory.Exists(Path.Combine(directory.FullName, "detections")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (aipack.yaml) is not above the test directory");
    });

    private static readonly Lazy<(ContentSet Content, SchemaSet Schemas)> Loaded = new(() =>
    {
        var content = ContentLoader.Load([Path.Combine(Root, "detections")]);
        var builder = new SchemaSetBuilder().AddFolder(Path.Combine(Root, "detections", "schemas"));
        builder.AddParsers(content.Parsers);
        return (content, builder.Build().Schemas);
    });

    public static string Root => RootPath.Value;

    public static ContentSet Content => Loaded.Value.Content;

    public static SchemaSet Schemas => Loaded.Value.Schemas;
}
