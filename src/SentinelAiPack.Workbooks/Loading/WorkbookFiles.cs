namespace SentinelAiPack.Workbooks.Loading;

/// <summary>
/// Workbook specs are YAML files named <c>&lt;name&gt;.workbook.yaml</c> (or <c>.workbook.yml</c>), like the
/// <c>*.tests.yaml</c> sample files: the name, not the folder, says what the file is.
/// </summary>
public static class WorkbookFiles
{
    private static readonly string[] Suffixes = [".workbook.yaml", ".workbook.yml"];

    public static bool IsSpecFile(string path) =>
        Suffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The spec's name: the file name without the suffix.</summary>
    public static string NameOf(string path)
    {
        var fileName = Path.GetFileName(path);
        var suffix = Suffixes.FirstOrDefault(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        return suffix is null ? Path.GetFileNameWithoutExtension(fileName) : fileName[..^suffix.Length];
    }
}
