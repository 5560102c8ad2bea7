using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;

namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// Parsers shipped as plain KQL (<c>.txt</c>, <c>.kql</c>) in a <c>Parsers</c> folder, as the Azure-Sentinel layout
/// has them (<c>Solutions/*/Parsers/</c>, <c>Parsers/</c>): each file is the body of a workspace function. They are
/// registered so that calls resolve; they are not validated as content items (the Azure-Sentinel validator does not
/// check them either).
/// </summary>
public static partial class KqlFunctionFiles
{
    private static readonly string[] Extensions = [".txt", ".kql"];

    /// <summary>
    /// The usage line legacy parsers carry: "... specifying function name and alias (e.g. SQLEvent)" or "... alias as
    /// VectraStream". The alias it names is the name the content calls.
    /// </summary>
    [GeneratedRegex(@"^\s*//.*\balias\s+(?:as\s+|\(\s*e\.g\.?\s*)([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AliasInstruction();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FunctionName();

    /// <summary>The <c>.txt</c>/<c>.kql</c> files under a folder named <c>Parsers</c> within <paramref name="paths"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            try
            {
                // A folder named Parsers may be the input itself or any folder below it.
                var root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
                var candidates = File.Exists(path) ? [path] : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", options) : [];
                files.UnionWith(candidates.Where(f => IsKqlFile(f) && InParsersFolder(root, Path.GetFullPath(f))));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The content loader reports unreadable folders; this search only adds functions.
            }
        }
        return [.. files];
    }

    /// <summary>
    /// The function one file defines, under the file's name and the alias its usage comment names; none when the file
    /// cannot be read (reported) or its name is not a function name.
    /// </summary>
    public static IReadOnlyList<FunctionSchema> Load(string path, DiagnosticBag diagnostics, long maxBytes = LoadOptions.DefaultMaxFileSizeBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = TextFileReader.Read(path, maxBytes, diagnostics);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var names = new List<string>();
        var stem = Path.GetFileNameWithoutExtension(path);
        if (FunctionName().IsMatch(stem))
        {
            names.Add(stem); // Azure-Sentinel's solution packaging deploys the file under its name (functionAlias)
        }
        if (AliasInstruction().Match(text) is { Success: true } alias && !names.Contains(alias.Groups[1].Value, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(alias.Groups[1].Value);
        }
        return names.Select(name => new FunctionSchema(name, []) { Body = text, SourcePath = path }).ToList();
    }

    private static bool IsKqlFile(string file) => Extensions.Any(ext => file.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    private static bool InParsersFolder(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1)
            .Any(segment => segment.Equals("Parsers", StringComparison.OrdinalIgnoreCase));
}
