namespace SentinelAiPack.Build.Tests.Support;

/// <summary>Loads and analyzes a content repository the way build does (without the CLI).</summary>
internal static class LoadedPack
{
    public static async Task<PackContent> LoadAsync(string root)
    {
        var settingsPath = Path.Combine(root, "aipack.yaml");
        var bag = new Content.Diagnostics.DiagnosticBag(settingsPath);
        var settings = Content.Settings.SettingsLoader.Load(settingsPath, bag);
        var input = new PipelineInput { Paths = settings!.ContentFolders, Settings = settings, RootDirectory = root };
        return await ContentPipeline.LoadAsync(input, SharedAnalyzer.Analyzer);
    }
}
