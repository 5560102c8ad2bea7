using SentinelAiPack.Content.Text;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.CrossChecks;

namespace SentinelAiPack.Validation.Kql;

/// <summary>
/// Turns the analyzer's findings on one query into diagnostics positioned in the YAML file. Unknown tables and
/// names become SAP3001/SAP3002 with "did you mean" suggestions from the schemas; everything else keeps the
/// analyzer's message under SAP2001 (errors) or SAP2002 (warnings), with the Kusto code as the source.
/// </summary>
public static class KqlFindingMapper
{
    public static IEnumerable<Diagnostic> Map(AnalyzedItem analyzed, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        return Map(analyzed.Item.FilePath, analyzed.Query.Span, analyzed.Query.SourceMap.GetSpan, analyzed.Analysis, schemas);
    }

    /// <summary>
    /// Maps findings on any analyzed text: <paramref name="locate"/> turns an analyzed range (offset, length) into a file
    /// span, e.g. through a workbook parameter substitution; <paramref name="querySpan"/> marks the whole query.
    /// </summary>
    public static IEnumerable<Diagnostic> Map(string file, SourceSpan querySpan, Func<int, int, SourceSpan> locate, KqlAnalysis analysis, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Failure is { } failure)
        {
            yield return KqlCodes.AnalysisFailed.Create(file, querySpan, "The KQL analyzer could not finish: " + failure);
        }
        foreach (var d in analysis.Diagnostics)
        {
            if (d.Severity is not (KqlSeverity.Error or KqlSeverity.Warning))
            {
                continue;
            }
            var span = locate(d.Start, d.Length);
            var diagnostic = UnknownName.Parse(d.Message) switch
            {
                { Kind: UnknownNameKind.TableOrFunction } unknown => CrossCheckCodes.UnknownTable.Create(file, span,
                    $"'{unknown.Name}' is not a {unknown.What} in the schemas{(unknown.Fuzzy ? " (union isfuzzy=true tolerates its absence)" : "")}." +
                    NameSuggestions.DidYouMean(unknown.Name, TableAndFunctionNames(schemas))),
                { Kind: UnknownNameKind.ColumnOrName } unknown => CrossCheckCodes.UnknownName.Create(file, span,
                    $"'{unknown.Name}' is not a column of the tables this query reads, nor a known function or variable." +
                    NameSuggestions.DidYouMean(unknown.Name, CandidateColumns(analysis, schemas).Where(c => !string.Equals(c, unknown.Name, StringComparison.Ordinal)))),
                _ => (d.Severity == KqlSeverity.Error ? KqlCodes.KqlError : KqlCodes.KqlWarning).Create(file, span, d.Message),
            };
            // The analyzer's severity stands: a fuzzy union member that is missing is only a warning.
            var severity = d.Severity == KqlSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            yield return diagnostic with { Severity = severity, Source = d.Code };
        }
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
