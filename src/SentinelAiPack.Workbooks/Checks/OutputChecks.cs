using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Kql;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>
/// Cross-checks a tile against what the analyzer says its query returns: a table at all, the drill-down column, the
/// columns its visualization draws; and the tables and parsers it reads against the spec's <c>dataTypes</c>.
/// </summary>
public static class OutputChecks
{
    private static readonly HashSet<string> Numeric = new(StringComparer.OrdinalIgnoreCase) { "int", "long", "real", "decimal", "double" };

    public static IEnumerable<Diagnostic> Check(WorkbookQuery query, KqlAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(analysis);
        var file = query.Spec.FilePath;
        if (analysis.HasErrors || analysis.Failure is not null)
        {
            yield break;
        }
        if (!analysis.IsTabular)
        {
            yield return WorkbookCodes.NotTabular.Create(file, query.Source.Span, $"The query of {query.Label} does not return a table.");
            yield break;
        }
        var columns = analysis.OutputColumns;
        bool Has(string name) => columns.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        string Listed() => string.Join(", ", columns.Select(c => c.Name));
        if (query.Tile is not { } tile)
        {
            yield break;
        }
        if (tile.DrillDown is { } drill && !Has(drill.Column.Value))
        {
            yield return WorkbookCodes.DrillDownColumnMissing.Create(file, drill.Column.Span,
                $"Drill-down exports column '{drill.Column.Value}', but the query of {query.Label} returns only: {Listed()}.");
        }
        if (tile.TileColumns is { } tiles)
        {
            foreach (var column in new[] { tiles.Title, tiles.Value, tiles.Subtitle }.OfType<Content.Model.Located<string>>().Where(c => !Has(c.Value)))
            {
                yield return WorkbookCodes.VisualizationMismatch.Create(file, column.Span,
                    $"Tiles use column '{column.Value}', which the query does not return (it returns: {Listed()}).");
            }
        }
        if (columns.Any(c => c.Type == "unknown"))
        {
            yield break;
        }
        var numeric = columns.Any(c => Numeric.Contains(c.Type));
        var problem = tile.Visualization switch
        {
            Visualization.TimeChart when !columns.Any(c => c.Type == "datetime") || !numeric =>
                "a time chart needs a datetime column and at least one numeric column",
            Visualization.BarChart or Visualization.PieChart when !numeric || !columns.Any(c => !Numeric.Contains(c.Type)) =>
                "a bar or pie chart needs a category column and a numeric column",
            _ => null,
        };
        if (problem is not null)
        {
            yield return WorkbookCodes.VisualizationMismatch.Create(file, tile.Title.Span,
                $"{char.ToUpperInvariant(problem[0])}{problem[1..]}; the query of {query.Label} returns {string.Join(", ", columns.Select(c => $"{c.Name}:{c.Type}"))}.");
        }
    }

    /// <summary>Sentinel functions that read watchlists, not log data: no data type to declare for them.</summary>
    private static readonly HashSet<string> WatchlistFunctions = new(StringComparer.OrdinalIgnoreCase) { "_GetWatchlist", "_ASIM_GetWatchlistRaw" };

    /// <summary>Tables and parsers the queries read directly that <c>dataTypes</c> does not list.</summary>
    public static IEnumerable<Diagnostic> CheckDataTypes(WorkbookSpec spec, IEnumerable<KqlAnalysis> analyses)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(analyses);
        var declared = spec.DataTypes.Select(d => d.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = analyses.SelectMany(a => a.Tables.Where(t => t.Via is null).Select(t => t.Name)
                .Concat(a.Functions.Where(f => f.Via is null).Select(f => f.Name)))
            .Where(name => !declared.Contains(name) && !WatchlistFunctions.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        var span = spec.DataTypes.Count > 0 ? spec.DataTypes[0].Span : spec.Key.Span;
        foreach (var name in read)
        {
            yield return WorkbookCodes.UndeclaredDataType.Create(spec.FilePath, span,
                $"The workbook reads '{name}' but 'dataTypes' does not list it (the gallery shows dataTypes as the workbook's requirements).");
        }
    }
}
