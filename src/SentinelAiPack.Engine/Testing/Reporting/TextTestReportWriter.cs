using System.Globalization;

namespace SentinelAiPack.Engine.Testing.Reporting;

/// <summary>One line per rule (PASS/FAIL/SKIP), the reason under each failed or skipped case, then a summary.</summary>
public sealed class TextTestReportWriter : ITestReportWriter
{
    public void Write(RuleTestReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(Line(diagnostic));
        }
        foreach (var item in report.Items)
        {
            var label = item.Status switch { TestStatus.Passed => "PASS", TestStatus.Failed => "FAIL", _ => "SKIP" };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}  {item.ItemPath}  ({item.Cases.Count} case(s))"));
            foreach (var diagnostic in item.Diagnostics)
            {
                output.WriteLine("      " + Line(diagnostic));
            }
            if (item.SkipReason is not null)
            {
                output.WriteLine("      skipped: " + item.SkipReason);
                continue;
            }
            foreach (var c in item.Cases.Where(c => c.Status != TestStatus.Passed))
            {
                output.WriteLine($"      {(c.Status == TestStatus.Failed ? "failed" : "skipped")}: {c.Name}: {c.Message}");
            }
        }
        output.WriteLine(Summary(report));
    }

    private static string Line(Content.Diagnostics.Diagnostic d)
    {
        var position = d.Span.IsKnown ? string.Create(CultureInfo.InvariantCulture, $":{d.Span.Line}:{d.Span.Column}") : "";
        return $"{d.FilePath}{position}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}";
    }

    /// <summary>The last line: items and cases by outcome, and how many items have no tests.</summary>
    public static string Summary(RuleTestReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped of {report.Items.Count} item(s) with tests " +
        $"({report.CasesPassed} case(s) passed, {report.CasesFailed} failed, {report.CasesSkipped} skipped); " +
        $"{report.ItemsWithoutTests.Count} item(s) without tests");
}
