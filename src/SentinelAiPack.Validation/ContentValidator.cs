using System.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.BestPractices;
using SentinelAiPack.Validation.CrossChecks;
using SentinelAiPack.Validation.Kql;
using SentinelAiPack.Validation.Templates;
using Diagnostic = SentinelAiPack.Content.Diagnostics.Diagnostic;

namespace SentinelAiPack.Validation;

/// <summary>
/// `aipack validate`: loads content and schemas, checks Sentinel's template constraints, analyzes every query with
/// the official KQL analyzer, cross-checks mappings and connectors against what the queries really output and read,
/// and reports best-practice warnings. Bad files become findings; the run always goes on with the other files.
/// </summary>
public sealed class ContentValidator(IKqlAnalyzer analyzer, IReadOnlyList<IExtraFileValidator>? extraValidators = null)
{
    public async Task<ValidationReport> ValidateAsync(ValidationInput input, IProgress<ValidationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();

        progress?.Report(new ValidationProgress("Loading content", 0, input.Paths.Count));
        var allFiles = input.Paths.SelectMany(path => ContentLoader.ExpandPath(path, diagnostics)).ToList();
        var claimed = (extraValidators ?? []).Select(v => (Validator: v, Files: allFiles.Where(v.Claims).ToList())).ToList();
        var content = ContentLoader.Load(allFiles.Except(claimed.SelectMany(c => c.Files)), LoadOptions.For(input.Settings));
        diagnostics.AddRange(content.Diagnostics);

        var schemas = BuildSchemas(input, content, diagnostics);

        progress?.Report(new ValidationProgress("Checking templates", 0, content.Items.Count));
        var templateOptions = TemplateValidationOptions.FromSettings(input.Settings, diagnostics);
        diagnostics.AddRange(TemplateValidator.Validate(content, templateOptions));

        progress?.Report(new ValidationProgress("Analyzing queries", 0, content.Items.Count));
        var analyzed = await QueryAnalysisRunner.AnalyzeAsync(content, schemas, analyzer, cancellationToken).ConfigureAwait(false);
        foreach (var item in analyzed)
        {
            diagnostics.AddRange(KqlFindingMapper.Map(item, schemas));
            diagnostics.AddRange(OutputColumnCheck.Check(item));
            diagnostics.AddRange(ConnectorCoverageCheck.Check(item, schemas));
            diagnostics.AddRange(BestPracticeFilter.Apply(item));
        }
        progress?.Report(new ValidationProgress("Analyzing queries", content.Items.Count, content.Items.Count));
        foreach (var (validator, claimedFiles) in claimed.Where(c => c.Files.Count > 0))
        {
            diagnostics.AddRange(await validator.ValidateAsync(claimedFiles, content, schemas, input, cancellationToken).ConfigureAwait(false));
        }

        var files = content.Items.Select(i => i.FilePath)
            .Concat(claimed.SelectMany(c => c.Files))
            .Concat(diagnostics.Select(d => d.FilePath))
            .Distinct(StringComparer.Ordinal)
            .Select(input.DisplayPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        var shown = SeverityPolicy.Apply(diagnostics, content).Select(d => d with { FilePath = input.DisplayPath(d.FilePath) }).ToList();
        return new ValidationReport(shown, files, content.Items.Count + claimed.Sum(c => c.Files.Count), clock.Elapsed);
    }

    private static SchemaSet BuildSchemas(ValidationInput input, ContentSet content, List<Diagnostic> diagnostics)
    {
        var builder = new SchemaSetBuilder(input.Settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        if (input.IncludeBuiltInSchemas)
        {
            builder.AddBuiltIns();
        }
        foreach (var folder in (input.Settings?.SchemaFolders ?? []).Concat(input.SchemaFolders))
        {
            builder.AddFolder(folder);
        }
        builder.AddKqlFunctionFiles(KqlFunctionFiles.Find(input.Paths));
        builder.AddParsers(content.Parsers);
        var (schemas, schemaDiagnostics) = builder.Build();
        diagnostics.AddRange(schemaDiagnostics);
        return schemas;
    }
}
