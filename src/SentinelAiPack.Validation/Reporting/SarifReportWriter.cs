using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the tool's rules (one per code used, with the title
/// and default level from the descriptor catalog), results with repository-relative artifact URIs and 1-based regions.
/// </summary>
public sealed class SarifReportWriter(Func<string, DiagnosticDescriptor?> describe, string toolVersion) : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(ValidationReport report, TextWriter output)
    {
        var diagnostics = report.Ordered.ToList();
        var ruleIds = diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = ruleIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, ruleIds);
            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(json, d, ruleIndex[d.Code]);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> ruleIds)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "aipack");
        json.WriteString("fullName", "SentinelAiPack validator");
        json.WriteString("semanticVersion", toolVersion);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            var descriptor = describe(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor?.Title ?? id);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", "See " + (descriptor?.HelpAnchor ?? "docs/diagnostics.md"));
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor?.DefaultSeverity ?? DiagnosticSeverity.Warning));
            json.WriteEndObject();
            if (descriptor is not null)
            {
                json.WriteStartObject("properties");
                json.WriteString("category", descriptor.Category);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(d.FilePath));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, d.Span.Line));
        json.WriteNumber("startColumn", Math.Max(1, d.Span.Column));
        if (d.Span.Length > 0)
        {
            json.WriteNumber("endColumn", Math.Max(1, d.Span.Column) + d.Span.Length);
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference with forward slashes; characters such as spaces are percent-encoded.</summary>
    internal static string ToUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
