using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Patterns.Kql;
using SentinelAiPack.Patterns.Loading;

namespace SentinelAiPack.Patterns;

/// <summary>
/// `aipack patterns generate|check`: reads the pattern library and writes (or compares) the generated parser files.
/// </summary>
public static class SignalsParserGenerator
{
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written, IReadOnlyList<string> Stale);

    /// <summary>Generates the parser from <paramref name="patternsFolder"/> into <paramref name="parsersFolder"/>; with <paramref name="checkOnly"/>, only reports files that differ.</summary>
    public static Result Run(string patternsFolder, string parsersFolder, bool checkOnly)
    {
        ArgumentNullException.ThrowIfNull(patternsFolder);
        ArgumentNullException.ThrowIfNull(parsersFolder);
        var library = PatternLibraryReader.Load(patternsFolder);
        if (library.HasErrors || library.Parser is null || library.Meta is null)
        {
            return new Result(library.Diagnostics, [], []);
        }
        var written = new List<string>();
        var stale = new List<string>();
        var diagnostics = new List<Diagnostic>(library.Diagnostics);
        foreach (var file in SignalsParserFiles.Generate(library))
        {
            var path = Path.Combine(parsersFolder, file.FileName);
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == file.Text)
            {
                continue;
            }
            if (checkOnly)
            {
                stale.Add(path);
                diagnostics.Add(PatternCodes.GeneratedParserStale.Create(path, SourceSpan.Unknown,
                    current is null ? "The generated parser file is missing: run `aipack patterns generate`." : "The file differs from what the pattern library generates: run `aipack patterns generate` (never edit it by hand)."));
                continue;
            }
            Directory.CreateDirectory(parsersFolder);
            File.WriteAllText(path, file.Text);
            written.Add(path);
        }
        return new Result(diagnostics, written, stale);
    }
}
