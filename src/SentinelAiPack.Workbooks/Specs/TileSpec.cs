using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Workbooks.Specs;

/// <summary>One item of a section: guidance text or a query with its visualization.</summary>
public abstract record TileSpec(string Name, SourceSpan Span)
{
    /// <summary>Width in percent of the row (workbook <c>customWidth</c>); 100 when not set.</summary>
    public int Width { get; init; } = 100;

    public Visibility? VisibleWhen { get; init; }
}

/// <summary>A markdown tile (workbook item type 1).</summary>
public sealed record MarkdownTile(string Name, SourceSpan Span, string Text) : TileSpec(Name, Span);

/// <summary>A query tile (workbook item type 3): KQL over the pack's parsers, shown as a grid or a chart.</summary>
public sealed record QueryTile(string Name, SourceSpan Span, Located<string> Title, QueryText Query) : TileSpec(Name, Span)
{
    public Visualization Visualization { get; init; } = Visualization.Grid;

    /// <summary>Selecting a row sets a parameter from one of its columns.</summary>
    public DrillDown? DrillDown { get; init; }

    /// <summary>Why the tile may legitimately show no rows (e.g. it lists only failures); null: an empty tile is a bug.</summary>
    public string? MayBeEmpty { get; init; }

    /// <summary>Tiles visualization: the columns shown as each tile's title and big number.</summary>
    public TileColumns? TileColumns { get; init; }

    /// <summary>
    /// The tile reads tables on purpose that are not requirements of the workbook (e.g. data-source health probes every
    /// table with <c>union isfuzzy=true</c>); they are left out of the <c>dataTypes</c> check.
    /// </summary>
    public bool OptionalTables { get; init; }

    /// <summary>Message shown by the workbook when the query returns no rows.</summary>
    public string? NoDataMessage { get; init; }
}

/// <summary>Exports <see cref="Column"/> of the selected row into <see cref="Parameter"/>.</summary>
public sealed record DrillDown(Located<string> Column, Located<string> Parameter, SourceSpan Span);

/// <summary>For the tiles visualization: which column titles each tile and which holds its value.</summary>
public sealed record TileColumns(Located<string> Title, Located<string> Value, Located<string>? Subtitle);

/// <summary>How a query tile is drawn.</summary>
public enum Visualization
{
    Grid,
    TimeChart,
    BarChart,
    PieChart,
    Tiles,
}

public static class VisualizationNames
{
    /// <summary>Names accepted in specs.</summary>
    public static IReadOnlyDictionary<string, Visualization> BySpecName { get; } = new Dictionary<string, Visualization>(StringComparer.OrdinalIgnoreCase)
    {
        ["grid"] = Visualization.Grid,
        ["table"] = Visualization.Grid,
        ["timechart"] = Visualization.TimeChart,
        ["barchart"] = Visualization.BarChart,
        ["bar"] = Visualization.BarChart,
        ["piechart"] = Visualization.PieChart,
        ["pie"] = Visualization.PieChart,
        ["tiles"] = Visualization.Tiles,
    };

    /// <summary>The <c>visualization</c> value of a workbook query item (Application-Insights-Workbooks schema).</summary>
    public static string ToWorkbookName(this Visualization visualization) => visualization switch
    {
        Visualization.Grid => "table",
        Visualization.TimeChart => "timechart",
        Visualization.BarChart => "barchart",
        Visualization.PieChart => "piechart",
        Visualization.Tiles => "tiles",
        _ => throw new ArgumentOutOfRangeException(nameof(visualization), visualization, null),
    };
}
