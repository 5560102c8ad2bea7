using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Machine-readable report: <c>{"summary": {...}, "diagnostics": [{"file", "line", "column", "length", "severity", "code", "message"}]}</c>.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public void Write(ValidationReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.WarningCount);
            json.WriteNumber("files", report.Files.Count);
            json.WriteNumber("items", report.ItemCount);
            json.WriteNumber("elapsedMs", Math.Round(report.Elapsed.TotalMilliseconds));
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Ordered)
            {
                json.WriteStartObject();
                json.WriteString("file", d.FilePath);
                json.WriteNumber("line", d.Span.Line);
                json.WriteNumber("column", d.Span.Column);
                json.WriteNumber("length", d.Span.Length);
                json.WriteString("severity", Severity(d.Severity));
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                if (d.Source is not null)
                {
                    json.WriteString("source", d.Source);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
