using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Model;

/// <summary>
/// One loaded content file: an analytics rule, a hunting query or a parser. Every field keeps its source span.
/// <see cref="Root"/> is the whole document for tools that need keys the model does not name.
/// </summary>
public abstract class ContentItem
{
    private protected ContentItem(ContentSource source)
    {
        FilePath = source.FilePath;
        SourceText = source.Text;
        Lines = source.Lines;
        Root = source.Root;
    }

    /// <summary>The file as the user named it (input path joined with the path below an input folder).</summary>
    public string FilePath { get; }

    public string FileName => Path.GetFileName(FilePath);

    public string SourceText { get; }

    public LineMap Lines { get; }

    public YamlMapping Root { get; }

    public abstract ContentKind Kind { get; }

    /// <summary>The template/function id (<c>id</c>), when the file has one.</summary>
    public Located<string>? Id { get; init; }

    /// <summary>Display name: <c>name</c> for rules and hunting queries, the function name for parsers.</summary>
    public abstract Located<string>? DisplayName { get; }

    /// <summary>The KQL text (<c>query</c>, <c>ParserQuery</c> or <c>FunctionQuery</c>).</summary>
    public QueryText? Query { get; init; }

    /// <summary>
    /// Keys present in the file whose value had the wrong type (already reported as SAP5009). Validators treat them
    /// as present so a "required field missing" finding does not repeat the type error.
    /// </summary>
    public IReadOnlySet<string> InvalidFields { get; init; } = new HashSet<string>();

    /// <summary>True when the document has <paramref name="key"/> (case-insensitive) with a non-null value.</summary>
    public bool HasValue(string key) =>
        Root.Find(key, ignoreCase: true) is { } entry && entry.Value is not YamlScalar { IsNull: true };

    public override string ToString() => $"{Kind} {DisplayName?.Value ?? FileName} ({FilePath})";
}

/// <summary>What the loader hands to the item constructors: the file and its parsed root.</summary>
public sealed record ContentSource(string FilePath, string Text, LineMap Lines, YamlMapping Root);
