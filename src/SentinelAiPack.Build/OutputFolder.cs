using System.Text;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build;

/// <summary>
/// Writes the build into its output folder, replacing the previous build so removed items leave no stale file. A
/// marker file proves the folder is the build's: a non-empty folder without it is never emptied.
/// </summary>
public static class OutputFolder
{
    public const string MarkerFile = ".aipack-build";

    public static Diagnostic? Write(string folder, IReadOnlyList<ArtifactFile> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        var root = Path.GetFullPath(folder);
        if (Directory.Exists(root))
        {
            var owned = File.Exists(Path.Combine(root, MarkerFile));
            if (!owned && Directory.EnumerateFileSystemEntries(root).Any())
            {
                return BuildCodes.OutputNotOwned.Create(root, SourceSpan.Unknown,
                    $"'{root}' is not empty and was not written by aipack build; choose another --out folder or empty it.");
            }
            foreach (var directory in Directory.EnumerateDirectories(root))
            {
                Directory.Delete(directory, recursive: true);
            }
            foreach (var file in Directory.EnumerateFiles(root))
            {
                File.Delete(file);
            }
        }
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, MarkerFile), "Written by aipack build; the whole folder is replaced by the next build.\n", new UTF8Encoding(false));
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.RelativePath));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"refusing to write '{file.RelativePath}' outside the output folder");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Bytes);
        }
        return null;
    }
}
