namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// The console as commands see it. Injected so tests capture output and pick the working directory;
/// <see cref="IsTerminal"/> decides whether progress lines are drawn on stderr.
/// </summary>
public sealed record IOContext(TextWriter Out, TextWriter Error, bool IsTerminal, string WorkingDirectory)
{
    public static IOContext FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected, Environment.CurrentDirectory);

    /// <summary>Resolves a user-given path against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>Shows an absolute path relative to the working directory when it lies below it.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }
}
