using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>One query of a spec (a tile's, or a drop-down parameter's), where it is, and what it became after expansion.</summary>
public sealed record WorkbookQuery(WorkbookSpec Spec, QueryText Source, QueryTile? Tile, ParameterSpec? Parameter, ExpandedQuery Expanded)
{
    /// <summary>What to call the query in messages.</summary>
    public string Label => Tile is not null ? $"tile '{Tile.Title.Value}'" : $"parameter '{Parameter?.Name.Value}'";

    /// <summary>The file span of an analyzed range: through the expansion back to the spec query, then into the YAML.</summary>
    public SourceSpan Locate(int expandedOffset, int length)
    {
        var (start, sourceLength) = Expanded.SourceRange(expandedOffset, length);
        return Source.SourceMap.GetSpan(start, sourceLength);
    }

    /// <summary>Every query of <paramref name="spec"/>, parameter queries first, expanded with <paramref name="expansion"/>.</summary>
    public static IReadOnlyList<WorkbookQuery> All(WorkbookSpec spec, IParameterExpansion expansion, RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        var queries = new List<WorkbookQuery>();
        foreach (var parameter in spec.Parameters.Where(p => p.Query is not null))
        {
            queries.Add(new WorkbookQuery(spec, parameter.Query!, null, parameter, Expand(spec, parameter.Query!, expansion, catalog)));
        }
        foreach (var tile in spec.QueryTiles)
        {
            queries.Add(new WorkbookQuery(spec, tile.Query, tile, null, Expand(spec, tile.Query, expansion, catalog)));
        }
        return queries;
    }

    private static ExpandedQuery Expand(WorkbookSpec spec, QueryText query, IParameterExpansion expansion, RuleCatalog catalog) =>
        QueryExpander.Expand(query.Text, spec, expansion, catalog.PreludeFor(query.Text));
}
