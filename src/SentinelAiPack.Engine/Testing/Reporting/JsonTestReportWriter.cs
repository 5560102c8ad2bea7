using System.Text.Json;

namespace SentinelAiPack.Engine.Testing.Reporting;

/// <summary>The report as JSON: totals, then each item with its cases and findings.</summary>
public sealed class JsonTestReportWriter : ITestReportWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public void Write(RuleTestReport report, TextWriter output)
    {
        var document = new
        {
            summary = new
            {
                items = report.Items.Count,
                passed = report.Passed,
                failed = report.Failed,
                skipped = report.Skipped,
                casesPassed = report.CasesPassed,
                casesFailed = report.CasesFailed,
                casesSkipped = report.CasesSkipped,
                itemsWithoutTests = report.ItemsWithoutTests.Count,
            },
            diagnostics = report.Diagnostics.Select(Finding),
            items = report.Items.Select(i => new
            {
                path = i.ItemPath,
                name = i.ItemName,
                kind = i.Kind,
                tests = i.TestsPath,
                status = i.Status.ToString().ToLowerInvariant(),
                skipReason = i.SkipReason,
                diagnostics = i.Diagnostics.Select(Finding),
                cases = i.Cases.Select(c => new
                {
                    name = c.Name,
                    status = c.Status.ToString().ToLowerInvariant(),
                    message = c.Message,
                    outputRows = c.OutputRows,
                    milliseconds = Math.Round(c.Duration.TotalMilliseconds, 1),
                }),
            }),
            itemsWithoutTests = report.ItemsWithoutTests,
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    private static object Finding(Content.Diagnostics.Diagnostic d) => new
    {
        code = d.Code,
        severity = d.Severity.ToString().ToLowerInvariant(),
        message = d.Message,
        file = d.FilePath,
        line = d.Span.IsKnown ? d.Span.Line : (int?)null,
        column = d.Span.IsKnown ? d.Span.Column : (int?)null,
    };
}
