namespace SentinelAiPack.Telemetry.Tests;

/// <summary>Locates the repository's content folders from the test's output directory.</summary>
internal static class RepoPaths
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

    public static string Docs => Path.Combine(Root, "docs");
}
