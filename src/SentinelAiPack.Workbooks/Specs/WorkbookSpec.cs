using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Workbooks.Specs;

/// <summary>
/// A workbook as its author writes it (<c>workbooks/&lt;name&gt;.workbook.yaml</c>): identity and gallery metadata,
/// parameters, and sections of tiles. Every value keeps its place in the file so findings point at the spec's line.
/// </summary>
public sealed record WorkbookSpec
{
    /// <summary>The spec file as the user named it.</summary>
    public required string FilePath { get; init; }

    /// <summary>The file name without <c>.workbook.yaml</c>: what <c>aipack workbook preview NAME</c> takes.</summary>
    public required string Name { get; init; }

    /// <summary>The gallery key (<c>workbookKey</c>); the template id is <c>sentinel-&lt;Key&gt;</c>.</summary>
    public required Located<string> Key { get; init; }

    public required Located<string> Title { get; init; }

    public string Subtitle { get; init; } = string.Empty;

    public required Located<string> Description { get; init; }

    /// <summary>Semantic version (<c>X.Y.Z</c>) of the workbook, bumped on every change (Azure-Sentinel checks it).</summary>
    public required Located<string> Version { get; init; }

    /// <summary>The pack alert type the workbook investigates; null for cross-cutting workbooks (overview).</summary>
    public Located<string>? AlertType { get; init; }

    /// <summary>Tables the workbook needs (gallery <c>dataTypesDependencies</c>).</summary>
    public IReadOnlyList<Located<string>> DataTypes { get; init; } = [];

    /// <summary>Data connector ids the workbook needs (gallery <c>dataConnectorsDependencies</c>).</summary>
    public IReadOnlyList<Located<string>> DataConnectors { get; init; } = [];

    public string LogoFileName { get; init; } = "Azure_Sentinel.svg";

    public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    public IReadOnlyList<SectionSpec> Sections { get; init; } = [];

    /// <summary>The gallery template id: <c>sentinel-&lt;Key&gt;</c>.</summary>
    public string TemplateId => "sentinel-" + Key.Value;

    public IEnumerable<QueryTile> QueryTiles => Sections.SelectMany(s => s.Tiles).OfType<QueryTile>();

    public ParameterSpec? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name.Value, name, StringComparison.Ordinal));
}

/// <summary>A section: a heading, optional guidance text and its tiles, emitted as one workbook group.</summary>
public sealed record SectionSpec(Located<string> Title, SourceSpan Span)
{
    public string? Text { get; init; }

    public Visibility? VisibleWhen { get; init; }

    public IReadOnlyList<TileSpec> Tiles { get; init; } = [];
}

/// <summary>Shows an item only while a parameter has (or has not) a value: <c>conditionalVisibility</c>.</summary>
public sealed record Visibility(Located<string> Parameter, VisibilityComparison Comparison, string Value, SourceSpan Span);

public enum VisibilityComparison
{
    IsEqualTo,
    IsNotEqualTo,
}
