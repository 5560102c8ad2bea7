using System.Globalization;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// Runs a workbook the way an analyst would read it: every drop-down on "All", the time range over the data's window,
/// tiles in document order, and each drill-down "clicked" on the first row of its tile so the parameter it sets is
/// filled for the tiles and sections after it (conditional sections then show).
/// </summary>
public sealed class PreviewBuilder(ITileQueryRunner runner)
{
    public async Task<PreviewPage> BuildAsync(
        WorkbookSpec spec, RuleCatalog catalog, DateTime start, DateTime end, string dataDescription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var sections = new List<PreviewSection>();
        foreach (var section in spec.Sections)
        {
            var visible = IsVisible(section.VisibleWhen, values);
            var tiles = new List<PreviewTile>();
            foreach (var tile in section.Tiles)
            {
                if (!visible || !IsVisible(tile.VisibleWhen, values))
                {
                    continue;
                }
                if (tile is not QueryTile query)
                {
                    tiles.Add(new PreviewTile(tile, null, null));
                    continue;
                }
                var expansion = new ValueExpansion(start, end, values);
                var text = QueryExpander.Expand(query.Query.Text, spec, expansion, catalog.PreludeFor(query.Query.Text)).Text;
                try
                {
                    var data = await runner.RunAsync(text, cancellationToken).ConfigureAwait(false);
                    tiles.Add(new PreviewTile(tile, data, null));
                    ClickFirstRow(query, data, values);
                }
                catch (TileQueryException e)
                {
                    tiles.Add(new PreviewTile(tile, null, e.Message));
                }
            }
            sections.Add(new PreviewSection(section, visible, tiles));
        }
        var parameters = spec.Parameters.Select(p => new PreviewParameter(p.Name.Value, p.Label,
            p.Kind == ParameterKind.TimeRange
                ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm} to {end:yyyy-MM-dd HH:mm} UTC")
                : string.Join(", ", values.GetValueOrDefault(p.Name.Value, [])))).ToList();
        return new PreviewPage(spec, parameters, sections) { DataDescription = dataDescription };
    }

    /// <summary>Tiles that returned no rows although their spec does not say they may, and tiles whose query failed.</summary>
    public static IReadOnlyList<string> Problems(PreviewPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        foreach (var section in page.Sections)
        {
            if (!section.Visible)
            {
                problems.Add($"section '{section.Spec.Title.Value}' stayed hidden (no drill-down set {section.Spec.VisibleWhen?.Parameter.Value})");
                continue;
            }
            foreach (var tile in section.Tiles.Where(t => t.Spec is QueryTile))
            {
                var query = (QueryTile)tile.Spec;
                if (tile.Error is { } error)
                {
                    problems.Add($"tile '{query.Title.Value}' failed: {error}");
                }
                else if (tile.IsEmpty && query.MayBeEmpty is null)
                {
                    problems.Add($"tile '{query.Title.Value}' returned no rows");
                }
            }
        }
        return problems;
    }

    private static void ClickFirstRow(QueryTile tile, TileData data, Dictionary<string, IReadOnlyList<string>> values)
    {
        if (tile.DrillDown is not { } drill || data.Rows.Count == 0 || values.ContainsKey(drill.Parameter.Value))
        {
            return;
        }
        var column = data.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == drill.Column.Value, (null!, -1)).Item2;
        if (column < 0)
        {
            return;
        }
        var value = data.Rows.Select(r => ChartShaper.Format(r[column])).FirstOrDefault(v => v.Length > 0);
        if (value is not null)
        {
            values[drill.Parameter.Value] = [value];
        }
    }

    private static bool IsVisible(Visibility? visibility, Dictionary<string, IReadOnlyList<string>> values)
    {
        if (visibility is null)
        {
            return true;
        }
        var current = string.Join(',', values.GetValueOrDefault(visibility.Parameter.Value, []));
        var equal = string.Equals(current, visibility.Value, StringComparison.Ordinal);
        return visibility.Comparison == VisibilityComparison.IsEqualTo ? equal : !equal;
    }
}
