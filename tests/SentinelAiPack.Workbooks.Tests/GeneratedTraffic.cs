using SentinelAiPack.Content.Tests;
using SentinelAiPack.Workbooks.Preview;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>One generation of the preview's default data (a week, every attack scenario) shared by the tests of a run.</summary>
public static class GeneratedTraffic
{
    private static readonly Lazy<(TempFolder Folder, PreviewData Data)> Generated = new(() =>
    {
        var folder = new TempFolder();
        return (folder, PreviewData.Generate(folder.Path, Repo.Schemas));
    });

    public static PreviewData Data => Generated.Value.Data;

    public static string Folder => Generated.Value.Folder.Path;

    /// <summary>Deletes the folder (called once at the end of the run).</summary>
    public static void Delete()
    {
        if (Generated.IsValueCreated)
        {
            Generated.Value.Folder.Dispose();
        }
    }
}
