using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Workbooks.Loading;

namespace SentinelAiPack.Build.Workbooks;

/// <summary>The workbook specs (<c>*.workbook.yaml</c>) in the content paths, for the build and the version lock alike.</summary>
public static class WorkbookSpecFiles
{
    /// <summary>Full paths of every spec file given or found below a given folder, ordered (ordinal).</summary>
    public static IReadOnlyList<string> Find(PackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in content.ContentPaths)
        {
            if (File.Exists(path) && WorkbookFiles.IsSpecFile(path))
            {
                found.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ContentLoader.ExpandPath(path, new List<Diagnostic>()).Where(WorkbookFiles.IsSpecFile))
                {
                    found.Add(Path.GetFullPath(file));
                }
            }
        }
        return [.. found];
    }
}
