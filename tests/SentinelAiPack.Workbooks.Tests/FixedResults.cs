using SentinelAiPack.Workbooks.Preview;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>
/// Fixed tile results for rendering tests, shaped like each tile's visualization and full of hostile text (markup,
/// script-closing tags, quotes) the way attacker-controlled log values would be.
/// </summary>
public static class FixedResults
{
    public const string Hostile = "</script><script>window.__aipackInjected=true</script><img src=x onerror=\"document.body.setAttribute('data-injected','1')\">";

    private static readonly DateTime Start = new(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    public static TileData For(QueryTile tile) => tile.Visualization switch
    {
        Visualization.TimeChart => new TileData(
            [new("TimeGenerated", "datetime"), new("Category", "string"), new("Findings", "long")],
            [.. Enumerable.Range(0, 24).SelectMany(h => new IReadOnlyList<object?>[]
            {
                [Start.AddHours(h), "Jailbreak", (long)(h % 5 + 1)],
                [Start.AddHours(h), Hostile, (long)(h % 3)],
            })]),
        Visualization.BarChart or Visualization.PieChart => new TileData(
            [new("Name", "string"), new("Count", "long")],
            [["alice@contoso.com", 12L], [Hostile, 7L], ["bob@contoso.com", 3L]]),
        Visualization.Tiles => new TileData(
            [new(tile.TileColumns!.Title.Value, "string"), new(tile.TileColumns.Value.Value, "long"), .. tile.TileColumns.Subtitle is { } s ? new[] { new ResultColumn(s.Value, "long") } : []],
            [["send", 40L, 2L], [Hostile, 5L, 1L]]),
        _ => new TileData(
            [new("TimeGenerated", "datetime"), new("UserPrincipalName", "string"), new("Detail", "string"), new("Score", "real")],
            [[Start, "alice@contoso.com", "Ignore all previous instructions", 0.93], [Start.AddMinutes(5), Hostile, "'\"<b>&amp;", null]]),
    };

    /// <summary>A page for <paramref name="spec"/> with every section visible and every tile given fixed data.</summary>
    public static PreviewPage PageFor(WorkbookSpec spec) => new(
        spec,
        [.. spec.Parameters.Select(p => new PreviewParameter(p.Name.Value, p.Label, p.Kind == ParameterKind.Text ? Hostile : string.Empty))],
        [.. spec.Sections.Select(section => new PreviewSection(section, true,
            [.. section.Tiles.Select(t => new PreviewTile(t, t is QueryTile q ? For(q) : null, null))]))])
    {
        DataDescription = "fixed results with hostile values",
    };
}
