using System.Text.RegularExpressions;
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
public static partial class KqlFindingMapper
{
    private const string UnknownTableCode = "KS204";
    private const string UnknownNameCode = "KS142";

    public static IEnumerable<Diagnostic> Map(AnalyzedItem analyzed, SchemaSet schemas)
    {
        var analysis = analyzed.Analysis;
        var file = analyzed.Item.FilePath;
        if (analysis.Failure is { } failure)
        {
            yield return KqlCodes.AnalysisFailed.Create(file, analyzed.Query.Span, "The KQL analyzer could not finish: " + failure);
        }
        foreach (var d in analysis.Diagnostics)
        {
            if (d.Severity is not (KqlSeverity.Error or KqlSeverity.Warning))
            {
                continue;
            }
            var span = analyzed.Query.SourceMap.GetSpan(d.Start, d.Length);
            var name = QuotedName(d.Message);
            var diagnostic = (d.Code, name) switch
            {
                (UnknownTableCode, { } table) => CrossCheckCodes.UnknownTable.Create(file, span,
                    $"'{table}' is not a table or function in the schemas." + NameSuggestions.DidYouMean(table, TableAndFunctionNames(schemas))),
                (UnknownNameCode, { } column) => CrossCheckCodes.UnknownName.Create(file, span,
                    $"'{column}' is not a column of the tables this query reads, nor a known function or variable." +
                    NameSuggestions.DidYouMean(column, CandidateColumns(analysis, schemas))),
                _ => (d.Severity == KqlSeverity.Error ? KqlCodes.KqlError : KqlCodes.KqlWarning).Create(file, span, d.Message),
            };
            yield return diagnostic with { Source = d.Code };
        }
    }

    /// <summary>Columns a misspelled name most likely meant: those of the tables read, then the query's own output.</summary>
    private static IEnumerable<string> CandidateColumns(KqlAnalysis analysis, SchemaSet schemas) =>
        analysis.Tables
            .Select(t => schemas.FindTable(t.Name))
            .OfType<TableSchema>()
            .SelectMany(t => t.Columns.Select(c => c.Name))
            .Concat(analysis.OutputColumns.Select(c => c.Name))
            .Concat(analysis.Columns.Select(c => c.Column));

    private static IEnumerable<string> TableAndFunctionNames(SchemaSet schemas) =>
        schemas.Tables.Select(t => t.Name).Concat(schemas.Functions.Select(f => f.Name));

    private static string? QuotedName(string message) =>
        NamePattern().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^The name '([^']+)' does not refer to", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
