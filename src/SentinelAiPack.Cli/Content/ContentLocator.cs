using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Cli.Content;

/// <summary>
/// Finds the content a command works on when the user names no paths: the settings file (<c>aipack.yaml</c>) in the
/// working directory or above it names the content folders; without one, the folders of a known layout in the
/// repository (<see cref="ContentLayout"/>: <c>detections/</c>, or Azure-Sentinel's <c>Detections/</c>,
/// <c>Hunting Queries/</c>, <c>Solutions/*/Analytic Rules</c>, … found case-insensitively) stand in for its settings.
/// </summary>
public static class ContentLocator
{
    public static (ContentSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics) LoadSettings(IOContext io)
    {
        var path = SettingsLoader.FindSettingsFile(io.WorkingDirectory);
        if (path is null)
        {
            return (Discovered(io), []);
        }
        var bag = new DiagnosticBag(path);
        var settings = SettingsLoader.Load(path, bag);
        return (settings, bag.Items);
    }

    /// <summary>The content paths to use: the user's, else the settings' (or the discovered layout's) content folders.</summary>
    public static IReadOnlyList<string> ResolvePaths(IOContext io, IReadOnlyList<string> userPaths, ContentSettings? settings)
    {
        if (userPaths.Count > 0)
        {
            return userPaths.Select(io.Resolve).ToList();
        }
        if (settings is { ContentFolders.Count: > 0 })
        {
            return settings.ContentFolders;
        }
        var root = settings?.RootDirectory ?? io.WorkingDirectory;
        var detections = Path.Combine(root, "detections");
        if (Directory.Exists(detections))
        {
            return [detections];
        }
        throw new UsageException(
            $"No content to work on: '{io.WorkingDirectory}' has no aipack.yaml and none of the folders aipack looks for " +
            "(detections/, Detections/, Hunting Queries/, Parsers/, Solutions/*/Analytic Rules, Solutions/*/Hunting Queries, Solutions/*/Parsers). " +
            "Pass the paths of rules, hunting queries or parsers, or write an aipack.yaml naming them (docs/configuration.md).");
    }

    // Settings as aipack init would write them for the layout found, with a note (Azure-Sentinel layouts only; a bare
    // detections/ folder is this pack's own default and needs none).
    private static ContentSettings? Discovered(IOContext io)
    {
        if (ContentLayout.Discover(ContentLayout.RepositoryRoot(io.WorkingDirectory)) is not { } layout)
        {
            return null;
        }
        if (layout.SchemaFolders.Count > 0 || layout.ContentFolders.Count > 1 || layout.ConnectorIds is not null)
        {
            io.Error.WriteLine($"aipack: no aipack.yaml: using {layout.Description} found in {io.Display(layout.Root)}; 'aipack init' writes an aipack.yaml that pins it.");
        }
        return ContentSettings.DefaultsFor(layout.Root) with
        {
            ContentFolders = layout.ContentFolders,
            SchemaFolders = layout.SchemaFolders,
            ConnectorIdsFile = layout.ConnectorIds,
        };
    }
}
