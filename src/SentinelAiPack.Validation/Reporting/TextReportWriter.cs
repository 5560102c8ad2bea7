using System.Globalization;
using System.Text;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Compiler-style output: <c>path:line:col: error SAP1234: message</c>, then the source line and a caret under the
/// marked text, then a one-line summary. Control and bidi characters from hostile content are shown escaped.
/// </summary>
public sealed class TextReportWriter(SourceLineReader sources) : IReportWriter
{
    public void Write(ValidationReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Ordered)
        {
            output.WriteLine(FormatHeader(diagnostic));
            WriteSnippet(diagnostic, output);
        }
        output.WriteLine(Summary(report));
    }

    public static string FormatHeader(Diagnostic d)
    {
        var location = d.Span.IsKnown
            ? string.Create(CultureInfo.InvariantCulture, $"{d.FilePath}:{d.Span.Line}:{d.Span.Column}")
            : d.FilePath;
        return $"{location}: {SeverityWord(d.Severity)} {d.Code}: {TerminalText.Sanitize(d.Message)}";
    }

    public static string Summary(ValidationReport report)
    {
        var seconds = report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.ErrorCount} error(s), {report.WarningCount} warning(s) in {report.Files.Count} file(s), {report.ItemCount} item(s), {seconds}s");
    }

    private void WriteSnippet(Diagnostic d, TextWriter output)
    {
        if (!d.Span.IsKnown || sources.GetLine(d.FilePath, d.Span.Line) is not { } line)
        {
            return;
        }
        var gutter = d.Span.Line.ToString(CultureInfo.InvariantCulture);
        var visible = TerminalText.Sanitize(line.Replace('\t', ' '));
        output.WriteLine($" {gutter} | {visible}");
        var caretStart = Math.Clamp(d.Span.Column - 1, 0, visible.Length);
        var caretLength = Math.Clamp(d.Span.Length, 1, Math.Max(1, visible.Length - caretStart));
        var caret = new StringBuilder().Append(' ', caretStart).Append('^', caretLength);
        output.WriteLine($" {new string(' ', gutter.Length)} | {caret}");
    }

    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
