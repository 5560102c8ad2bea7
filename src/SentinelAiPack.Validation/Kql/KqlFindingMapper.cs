using SentinelAiPack.Content.Text;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.CrossChecks;

namespace SentinelAiPack.Validation.Kql;

/// <summary>
/// Turns the analyzer's findings on one query into diagnostics positioned in the YAML file. Unknown tables and
/// names become SAP3001/SAP3002 with "did you mean" suggestions from the schemas, one finding per name at its first
/// use (the analyzer itself reports no columns of an unknown source); everything else keeps the analyzer's message
/// under SAP2001 (errors) or SAP2002 (warnings), with the Kusto code as the source.
/// </summary>
public static class KqlFindingMapper
{
    public static IEnumerable<Diagnostic> Map(AnalyzedItem analyzed, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        return Map(analyzed.Item.FilePath, analyzed.Query.Span, analyzed.Query.SourceMap.GetSpan, analyzed.Analysis, schemas, analyzed.Query.Text);
    }

    /// <summary>
    /// Maps findings on any analyzed text: <paramref name="locate"/> turns an analyzed range (offset, length) into a file
    /// span, e.g. through a workbook parameter substitution; <paramref name="querySpan"/> marks the whole query;
    /// <paramref name="text"/>, when given, is the analyzed text (it lets a rename of a missing column be told apart).
    /// </summary>
    public static IEnumerable<Diagnostic> Map(string file, SourceSpan querySpan, Func<int, int, SourceSpan> locate, KqlAnalysis analysis, SchemaSet schemas, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Failure is { } failure)
        {
            var finding = KqlCodes.AnalysisFailed.Create(file, querySpan, "The KQL analyzer could not finish: " + failure);
            // Running out of time is not a defect of the query (it may only be the machine's load): a warning, not an error.
            yield return analysis.TimedOut ? finding with { Severity = DiagnosticSeverity.Warning } : finding;
        }
        var findings = analysis.Diagnostics
            .Where(d => d.Severity is KqlSeverity.Error or KqlSeverity.Warning)
            .Select(d => (Kql: d, Unknown: UnknownOf(d, text)))
            .ToList();
        var firstSyntaxError = findings.Where(f => f.Kql.IsSyntax && f.Kql.Severity == KqlSeverity.Error && f.Unknown.Kind == UnknownNameKind.None)
            .Select(f => f.Kql.Start).DefaultIfEmpty(int.MaxValue).Min();
        var cascades = UnknownNameCascades.Of(analysis, findings.Select(f => (f.Kql.Start, f.Unknown)).ToList(), firstSyntaxError);
        findings.RemoveAll(f => cascades.IsCascade(f.Kql.Start, f.Unknown));
        // One finding per unknown name, at its first use; the others are counted in its message.
        var uses = findings.Where(f => f.Unknown.Kind != UnknownNameKind.None)
            .GroupBy(f => (f.Unknown.Kind, f.Unknown.Name))
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Kql.Start).ToList());
        foreach (var (d, unknown) in findings.OrderBy(f => f.Kql.Start))
        {
            var span = locate(d.Start, d.Length);
            var more = string.Empty;
            if (unknown.Kind != UnknownNameKind.None)
            {
                var all = uses[(unknown.Kind, unknown.Name)];
                if (!ReferenceEquals(all[0].Kql, d))
                {
                    continue;
                }
                // The analyzer may report one use twice (a rename of a missing column: KS142 and KS109); count places, not messages.
                var places = all.Select(f => f.Kql.Start).Distinct().Count();
                more = places > 1 ? $" It is used {places} times; only the first use is reported." : string.Empty;
                more += cascades.NoteFor(unknown);
            }
            var diagnostic = unknown switch
            {
                { Kind: UnknownNameKind.TableOrFunction } => CrossCheckCodes.UnknownTable.Create(file, span,
                    $"'{unknown.Name}' is not a {unknown.What} in the schemas{(unknown.Fuzzy ? " (union isfuzzy=true tolerates its absence)" : "")}." +
                    NameSuggestions.DidYouMean(unknown.Name, TableAndFunctionNames(schemas)) + more),
                { Kind: UnknownNameKind.ColumnOrName } => CrossCheckCodes.UnknownName.Create(file, span,
                    $"'{unknown.Name}' is not a column of the tables this query reads, nor a known function or variable." +
                    NameSuggestions.DidYouMean(unknown.Name, CandidateColumns(analysis, schemas).Where(c => !string.Equals(c, unknown.Name, StringComparison.Ordinal))) + more),
                _ => (d.Severity == KqlSeverity.Error ? KqlCodes.KqlError : KqlCodes.KqlWarning).Create(file, span, d.Message + cascades.NoteForSyntaxError(d.Start)),
            };
            // The analyzer's severity stands: a fuzzy union member that is missing is only a warning.
            var severity = d.Severity == KqlSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            yield return diagnostic with { Severity = severity, Source = d.Code };
        }
    }

    /// <summary>
    /// The unknown name a finding is about: the analyzer's "does not refer to any known ..." messages, and its
    /// "Column name expected" on a plain name (what <c>project-rename</c>/<c>project-away</c> say about a column the
    /// schema lacks), which is the same cause.
    /// </summary>
    private static UnknownName UnknownOf(KqlDiagnostic d, string? text)
    {
        var parsed = UnknownName.Parse(d.Message);
        if (parsed.Kind != UnknownNameKind.None || d.Code != "KS109" || text is null || d.Start < 0 || d.Length <= 0 || d.Start + d.Length > text.Length)
        {
            return parsed;
        }
        var name = UnknownName.PlainName(text.AsSpan(d.Start, d.Length));
        return name is null ? parsed : new UnknownName(UnknownNameKind.ColumnOrName, name, "column", false);
    }

    /// <summary>Columns a misspelled name most likely meant: those of the tables the query reads and of its output.</summary>
    private static IEnumerable<string> CandidateColumns(KqlAnalysis analysis, SchemaSet schemas) =>
        analysis.Tables
            .Select(t => schemas.FindTable(t.Name))
            .OfType<TableSchema>()
            .SelectMany(t => t.Columns.Select(c => c.Name))
            .Concat(analysis.OutputColumns.Select(c => c.Name))
            .Concat(analysis.Columns.Select(c => c.Column));

    private static IEnumerable<string> TableAndFunctionNames(SchemaSet schemas) =>
        schemas.Tables.Select(t => t.Name).Concat(schemas.Functions.Select(f => f.Name));
}
