using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Loading;

/// <summary>
/// Loads analytics rules, hunting queries and parsers from files and folders. Never throws for bad input: every
/// problem becomes a SAP5xxx diagnostic naming the file and line, and the other files are still loaded.
/// </summary>
public static class ContentLoader
{
    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    /// <summary>File names skipped while walking folders (settings, not content).</summary>
    private static readonly HashSet<string> SkippedFileNames = new(StringComparer.OrdinalIgnoreCase) { "aipack.yaml", "aipack.yml" };

    /// <summary>Loads every path: files directly, folders recursively (<c>.yaml</c>/<c>.yml</c>, hidden folders skipped).</summary>
    public static ContentSet Load(IEnumerable<string> paths, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= LoadOptions.Default;
        var items = new List<ContentItem>();
        var diagnostics = new List<Diagnostic>();
        var samples = new List<SampleTestFile>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var file in ExpandPath(path, diagnostics))
            {
                if (!seen.Add(Path.GetFullPath(file)))
                {
                    continue;
                }
                if (SampleTestFile.IsSampleFile(file))
                {
                    samples.Add(SampleTestFile.FromPath(file));
                    continue;
                }
                var result = LoadFile(file, options);
                diagnostics.AddRange(result.Diagnostics);
                if (result.Item is not null)
                {
                    items.Add(result.Item);
                }
            }
        }
        return new ContentSet(items, diagnostics, samples);
    }

    /// <summary>Loads one file.</summary>
    public static ContentLoadResult LoadFile(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var diagnostics = new DiagnosticBag(path);
        var text = TextFileReader.Read(path, options.MaxFileSizeBytes, diagnostics);
        return text is null ? new ContentLoadResult(null, diagnostics.Items) : LoadText(text, path);
    }

    /// <summary>Loads YAML text as if read from <paramref name="filePath"/> (the path is used for messages and the folder hint).</summary>
    public static ContentLoadResult LoadText(string text, string filePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filePath);
        var diagnostics = new DiagnosticBag(filePath);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var root = ReadRoot(text, diagnostics);
        if (root is null)
        {
            return new ContentLoadResult(null, diagnostics.Items);
        }
        var source = new ContentSource(filePath, text, new LineMap(text), root);
        ContentItem? item;
        switch (ContentClassifier.Classify(filePath, root))
        {
            case ContentKind.Parser:
                item = ParserReader.Read(source, diagnostics);
                break;
            case ContentKind.HuntingQuery:
                item = TemplateReader.Read(source, ContentKind.HuntingQuery, diagnostics);
                break;
            case ContentKind.AnalyticRule:
                item = TemplateReader.Read(source, ContentKind.AnalyticRule, diagnostics);
                break;
            default:
                diagnostics.Add(LoadingCodes.UnrecognizedContent, new SourceSpan(1, 1),
                    "File is not an analytics rule, hunting query or parser: it has no 'query', 'kind', 'ParserQuery' or 'FunctionQuery' key; it was skipped.");
                item = null;
                break;
        }
        return new ContentLoadResult(item, diagnostics.Items);
    }

    private static YamlMapping? ReadRoot(string text, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File is empty.");
            return null;
        }
        var documents = YamlDocumentReader.Read(text, diagnostics);
        if (documents is null)
        {
            return null;
        }
        var nonEmpty = documents.Where(document => document is not null and not YamlScalar { IsNull: true }).ToList();
        if (nonEmpty.Count == 0)
        {
            diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File has no YAML content (only comments or blank lines).");
            return null;
        }
        if (documents.Count > 1)
        {
            var second = nonEmpty.Count > 1 ? nonEmpty[1]!.Span : new SourceSpan(1, 1);
            diagnostics.Add(LoadingCodes.MultipleDocuments, second,
                $"File holds {documents.Count} YAML documents; only the first is loaded (one item per file).");
        }
        var first = documents[0];
        if (first is YamlMapping mapping)
        {
            return mapping;
        }
        var found = first is null or YamlScalar { IsNull: true } ? "nothing" : $"a {first.KindName}";
        diagnostics.Add(LoadingCodes.NotAMapping, first?.Span ?? new SourceSpan(1, 1),
            $"The YAML document must be a mapping of keys (id:, name:, query: ...), found {found}.");
        return null;
    }

    /// <summary>The YAML files behind one input path, in ordinal order; reports a missing path.</summary>
    public static IEnumerable<string> ExpandPath(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (File.Exists(path))
        {
            return [path];
        }
        if (!Directory.Exists(path))
        {
            diagnostics.Add(LoadingCodes.PathNotFound.Create(path, SourceSpan.Unknown, $"Path '{path}' does not exist."));
            return [];
        }
        try
        {
            var enumeration = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
                MatchType = MatchType.Simple,
            };
            return Directory.EnumerateFiles(path, "*", enumeration)
                .Where(file => YamlExtensions.Any(ext => file.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
                .Where(file => !SkippedFileNames.Contains(Path.GetFileName(file)))
                .Where(file => !IsInHiddenFolder(path, file))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(LoadingCodes.ReadFailed.Create(path, SourceSpan.Unknown, $"Folder could not be read: {ex.Message}"));
            return [];
        }
    }

    private static bool IsInHiddenFolder(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        return relative.Split(['/', '\\']).SkipLast(1).Any(segment => segment.StartsWith('.') && segment is not "." and not "..");
    }
}
