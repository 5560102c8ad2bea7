using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>
/// Checks a spec needs no analyzer for: unique names, parameter references (declared, supported format), drill-down and
/// visibility targets, unused parameters. Returns the queries whose references are sound (the others are not analyzed,
/// so a bad reference is reported once, not again as a KQL syntax error).
/// </summary>
public static class SpecStructureChecks
{
    public static (IReadOnlyList<Diagnostic> Diagnostics, ISet<QueryText> SoundQueries) Check(WorkbookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bag = new DiagnosticBag(spec.FilePath);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var sound = new HashSet<QueryText>();

        foreach (var duplicate in spec.Parameters.GroupBy(p => p.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var p in duplicate.Skip(1))
            {
                bag.Add(WorkbookCodes.DuplicateName, p.Name.Span, $"Parameter '{p.Name.Value}' is declared twice.");
            }
        }
        if (spec.Parameters.Count(p => p.Kind == ParameterKind.TimeRange) > 1)
        {
            bag.Add(WorkbookCodes.InvalidValue, spec.Parameters.Where(p => p.Kind == ParameterKind.TimeRange).Skip(1).First().Name.Span,
                "A workbook has one time range parameter: every tile takes its time scope from it.");
        }
        var tiles = spec.Sections.SelectMany(s => s.Tiles).ToList();
        foreach (var duplicate in tiles.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var tile in duplicate.Skip(1))
            {
                bag.Add(WorkbookCodes.DuplicateName, tile.Span, $"Tile name '{tile.Name}' is used twice; set 'name' on one of them (workbook item names must be unique).");
            }
        }

        foreach (var (query, _) in Queries(spec))
        {
            if (CheckReferences(spec, query, bag, used))
            {
                sound.Add(query);
            }
        }
        foreach (var text in spec.Sections.Select(s => s.Text).Concat(tiles.OfType<MarkdownTile>().Select(t => t.Text)).OfType<string>())
        {
            foreach (var reference in ParameterReference.FindAll(text))
            {
                used.Add(reference.Name);
            }
        }
        foreach (var section in spec.Sections)
        {
            CheckVisibility(spec, section.VisibleWhen, bag, used);
            foreach (var tile in section.Tiles)
            {
                CheckVisibility(spec, tile.VisibleWhen, bag, used);
                if (tile is QueryTile { DrillDown: { } drill })
                {
                    used.Add(drill.Parameter.Value);
                    var target = spec.FindParameter(drill.Parameter.Value);
                    if (target is null)
                    {
                        bag.Add(WorkbookCodes.UnknownParameter, drill.Parameter.Span, $"Drill-down sets parameter '{drill.Parameter.Value}', which the workbook does not declare.");
                    }
                    else if (target.Kind == ParameterKind.TimeRange || target.MultiSelect)
                    {
                        bag.Add(WorkbookCodes.InvalidValue, drill.Parameter.Span, $"Drill-down must set a text or single-select drop-down parameter; '{drill.Parameter.Value}' is not one.");
                    }
                }
            }
        }
        foreach (var p in spec.Parameters.Where(p => !used.Contains(p.Name.Value)))
        {
            bag.Add(WorkbookCodes.UnusedParameter, p.Name.Span, $"Parameter '{p.Name.Value}' is declared but no query, text, drill-down or visibility condition uses it.");
        }
        return (bag.Items, sound);
    }

    private static IEnumerable<(QueryText Query, string Label)> Queries(WorkbookSpec spec) =>
        spec.Parameters.Where(p => p.Query is not null).Select(p => (p.Query!, $"parameter '{p.Name.Value}'"))
            .Concat(spec.QueryTiles.Select(t => (t.Query, $"tile '{t.Title.Value}'")));

    private static bool CheckReferences(WorkbookSpec spec, QueryText query, DiagnosticBag bag, HashSet<string> used)
    {
        var ok = true;
        foreach (var reference in ParameterReference.FindAll(query.Text))
        {
            var span = query.SourceMap.GetSpan(reference.Start, reference.Length);
            var parameter = spec.FindParameter(reference.Name);
            if (parameter is null)
            {
                var names = spec.Parameters.Select(p => "{" + p.Name.Value + "}").ToList();
                bag.Add(WorkbookCodes.UnknownParameter, span,
                    $"'{reference}' names no parameter of this workbook" + (names.Count > 0 ? $" (declared: {string.Join(", ", names)})." : "."));
                ok = false;
                continue;
            }
            used.Add(parameter.Name.Value);
            if (ParameterFormats.Problem(parameter, reference.Format) is { } problem)
            {
                bag.Add(WorkbookCodes.UnsupportedParameterFormat, span, problem);
                ok = false;
            }
        }
        return ok;
    }

    private static void CheckVisibility(WorkbookSpec spec, Visibility? visibility, DiagnosticBag bag, HashSet<string> used)
    {
        if (visibility is null)
        {
            return;
        }
        used.Add(visibility.Parameter.Value);
        if (spec.FindParameter(visibility.Parameter.Value) is null)
        {
            bag.Add(WorkbookCodes.UnknownParameter, visibility.Parameter.Span, $"'visibleWhen' names parameter '{visibility.Parameter.Value}', which the workbook does not declare.");
        }
    }
}
