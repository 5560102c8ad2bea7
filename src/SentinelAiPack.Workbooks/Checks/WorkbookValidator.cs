using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.Kql;
using SentinelAiPack.Workbooks.Generation;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>A validated spec (null when it could not be loaded) with its findings.</summary>
public sealed record WorkbookValidationResult(IReadOnlyList<WorkbookSpec> Specs, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Validates workbook specs like rules: loads each spec, checks its structure, substitutes every parameter with a
/// typed placeholder and analyzes every tile and parameter query with the official analyzer (findings SAP2xxx/SAP3xxx
/// at the spec's line), cross-checks outputs against drill-downs and visualizations, and runs the Azure-Sentinel
/// template checks on the gallery JSON generated from it.
/// </summary>
public sealed class WorkbookValidator(IKqlAnalyzer analyzer)
{
    public async Task<WorkbookValidationResult> ValidateAsync(
        IReadOnlyList<string> files, SchemaSet schemas, RuleCatalog catalog, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new List<Diagnostic>();
        var specs = new List<WorkbookSpec>();
        foreach (var file in files)
        {
            var loaded = WorkbookSpecLoader.Load(file, options);
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Spec is { } spec)
            {
                specs.Add(spec);
            }
        }
        diagnostics.AddRange(await ValidateSpecsAsync(specs, schemas, catalog, cancellationToken).ConfigureAwait(false));
        return new WorkbookValidationResult(specs, diagnostics);
    }

    /// <summary>Validates specs already loaded.</summary>
    public async Task<IReadOnlyList<Diagnostic>> ValidateSpecsAsync(
        IReadOnlyList<WorkbookSpec> specs, SchemaSet schemas, RuleCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var diagnostics = new List<Diagnostic>();
        var pending = new List<WorkbookQuery>();
        foreach (var spec in specs)
        {
            var (structure, sound) = SpecStructureChecks.Check(spec);
            diagnostics.AddRange(structure);
            pending.AddRange(WorkbookQuery.All(spec, PlaceholderExpansion.Instance, catalog).Where(q => sound.Contains(q.Source)));
            diagnostics.AddRange(CheckGenerated(spec, catalog));
        }
        var requests = pending.Select((q, i) => new KqlRequest(i.ToString(CultureInfo.InvariantCulture), q.Expanded.Text) { WantBestPractices = false }).ToList();
        var analyses = requests.Count == 0 ? [] : await analyzer.AnalyzeAsync(requests, schemas, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < pending.Count; i++)
        {
            var query = pending[i];
            diagnostics.AddRange(KqlFindingMapper.Map(query.Spec.FilePath, query.Source.Span, query.Locate, analyses[i], schemas));
            diagnostics.AddRange(OutputChecks.Check(query, analyses[i]));
        }
        foreach (var spec in specs)
        {
            diagnostics.AddRange(OutputChecks.CheckDataTypes(spec, pending.Select((q, i) => (q, i)).Where(x => x.q.Spec == spec && x.q.Tile is not { OptionalTables: true }).Select(x => analyses[x.i])));
        }
        foreach (var duplicate in specs.GroupBy(s => s.Key.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var spec in duplicate.Skip(1))
            {
                diagnostics.Add(WorkbookCodes.DuplicateKey.Create(spec.FilePath, spec.Key.Span,
                    $"Workbook key '{spec.Key.Value}' is also used by {duplicate.First().FilePath}; gallery keys must be unique."));
            }
        }
        return diagnostics;
    }

    /// <summary>Generates the artifacts and runs the repository's template and metadata checks on them.</summary>
    private static IEnumerable<Diagnostic> CheckGenerated(WorkbookSpec spec, RuleCatalog catalog)
    {
        var artifacts = WorkbookArtifacts.Generate(spec, catalog);
        var problems = GalleryTemplateChecks.CheckTemplate(artifacts.GalleryJson).Concat(GalleryTemplateChecks.CheckMetadata(artifacts.Metadata));
        return problems.Select(p => WorkbookCodes.TemplateCheckFailed.Create(spec.FilePath, spec.Key.Span, "Generated workbook: " + p));
    }
}
