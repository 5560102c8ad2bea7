using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>Everything the preview page shows: the workbook, the values its parameters had, and each tile's result.</summary>
public sealed record PreviewPage(WorkbookSpec Spec, IReadOnlyList<PreviewParameter> Parameters, IReadOnlyList<PreviewSection> Sections)
{
    /// <summary>Where the data came from, e.g. "generated sample traffic with attack scenarios, 2025-06-30 to 2025-07-01".</summary>
    public string DataDescription { get; init; } = string.Empty;
}

/// <summary>A parameter as the preview set it (drill-downs take the first row of the exporting tile).</summary>
public sealed record PreviewParameter(string Name, string Label, string Value);

public sealed record PreviewSection(SectionSpec Spec, bool Visible, IReadOnlyList<PreviewTile> Tiles);

/// <summary>A tile with its result, or the error that prevented one.</summary>
public sealed record PreviewTile(TileSpec Spec, TileData? Data, string? Error)
{
    public bool IsEmpty => Error is null && (Data is null || Data.Rows.Count == 0);
}
