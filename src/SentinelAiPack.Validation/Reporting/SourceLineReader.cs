namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Reads single lines of the files diagnostics point at, for the caret display of the text report.
/// Files are read once; unreadable, binary or very large files simply yield no line.
/// </summary>
public sealed class SourceLineReader(string baseDirectory)
{
    private const long MaxFileBytes = 5 * 1024 * 1024;
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public string? GetLine(string filePath, int line)
    {
        if (line < 1)
        {
            return null;
        }
        if (!_files.TryGetValue(filePath, out var lines))
        {
            lines = TryRead(Path.IsPathRooted(filePath) ? filePath : Path.Combine(baseDirectory, filePath));
            _files[filePath] = lines;
        }
        return lines is not null && line <= lines.Length ? lines[line - 1] : null;
    }

    private static string[]? TryRead(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                return null;
            }
            var text = File.ReadAllText(path);
            return text.Contains('\0', StringComparison.Ordinal) ? null : text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
