namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>Locates the repository's folders from the test's output directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentinelAiPack.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SentinelAiPack.sln not found above the test directory");
    });

    public static string Root => RootPath.Value;

    public static string Schemas => Path.Combine(Root, "detections", "schemas");

    public static string Parsers => Path.Combine(Root, "detections", "parsers");

    public static string Detections => Path.Combine(Root, "detections");

    public static string Playbooks => Path.Combine(Root, "playbooks");

    public static string Docs => Path.Combine(Root, "docs");
}
