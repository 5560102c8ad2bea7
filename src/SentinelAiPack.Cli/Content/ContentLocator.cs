using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Cli.Content;

/// <summary>
/// Finds the content a command works on when the user names no paths: the settings file (<c>aipack.yaml</c>) in the
/// working directory or above it names the content folders; without one, a <c>detections/</c> folder is used.
/// </summary>
public static class ContentLocator
{
    public static (ContentSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics) LoadSettings(IOContext io)
    {
        var path = SettingsLoader.FindSettingsFile(io.WorkingDirectory);
        if (path is null)
        {
            return (null, []);
        }
        var bag = new DiagnosticBag(path);
        var settings = SettingsLoader.Load(path, bag);
        return (settings, bag.Items);
    }

    /// <summary>The content paths to use: the user's, else the settings' content folders, else <c>detections/</c>.</summary>
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
        throw new UsageException($"No content to work on: '{io.WorkingDirectory}' has no aipack.yaml and no detections/ folder. Pass the paths of rules, hunting queries or parsers.");
    }
}
