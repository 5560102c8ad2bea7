using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Validation.BestPractices;

/// <summary>
/// Reports Kusto.Language's best-practice findings as warnings unless the item suppresses that code with a
/// written justification in its <c>aipack.suppressions</c>; bad and stale suppressions are findings themselves.
/// </summary>
public static class BestPracticeFilter
{
    public static IEnumerable<Diagnostic> Apply(AnalyzedItem analyzed)
    {
        var file = analyzed.Item.FilePath;
        var suppressions = (analyzed.Item as DetectionTemplate)?.AiPack?.Suppressions ?? [];
        var used = new HashSet<Suppression>();
        var findings = new List<Diagnostic>();

        foreach (var suppression in suppressions)
        {
            if (string.IsNullOrWhiteSpace(suppression.Justification?.Value))
            {
                findings.Add(BestPracticeCodes.SuppressionWithoutJustification.Create(file, suppression.Span,
                    $"Suppression of '{suppression.Code?.Value}' has no justification; write why the warning does not apply."));
            }
            if (suppression.Code?.Value is { } code && !BestPracticeCodes.IsBestPracticeCode(code))
            {
                findings.Add(BestPracticeCodes.UnknownSuppressionCode.Create(file, suppression.Code.Span,
                    $"'{code}' is not a best-practice code; only SAP45nn warnings (Kusto.Language analyzers KS5nn) can be suppressed."));
            }
        }

        // Only the analyzers' own codes (KS5nn): GetAnalyzerDiagnostics also repeats binder findings reported elsewhere.
        foreach (var finding in analyzed.Analysis.BestPractices.Where(f => f.Code.StartsWith("KS5", StringComparison.Ordinal)))
        {
            var descriptor = BestPracticeCodes.ForKustoCode(finding.Code);
            var suppression = suppressions.FirstOrDefault(s =>
                string.Equals(s.Code?.Value, descriptor.Code, StringComparison.OrdinalIgnoreCase) &&
                !string.IsNullOrWhiteSpace(s.Justification?.Value));
            if (suppression is not null)
            {
                used.Add(suppression);
                continue;
            }
            var span = analyzed.Query.SourceMap.GetSpan(finding.Start, finding.Length);
            findings.Add(descriptor.Create(file, span, finding.Message.Replace('\n', ' ')) with { Source = finding.Code });
        }

        foreach (var suppression in suppressions.Where(s => !used.Contains(s) && !string.IsNullOrWhiteSpace(s.Justification?.Value)))
        {
            if (suppression.Code?.Value is { } code && BestPracticeCodes.IsBestPracticeCode(code))
            {
                findings.Add(BestPracticeCodes.UnusedSuppression.Create(file, suppression.Span,
                    $"Suppression of '{code}' matches no finding in this query any more; remove it."));
            }
        }
        return findings;
    }
}
