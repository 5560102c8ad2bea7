using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it (checked in the tests with Microsoft's SARIF validator, SARIF and
/// GitHub rules): one run; the tool's rules, one per code used, each with its title, a full description from its
/// area of docs/diagnostics.md, help text and markdown, a helpUri to the published page and the default level;
/// results whose artifact URIs are relative to the repository root (<see cref="SarifOptions"/>, declared in
/// <c>originalUriBaseIds</c>) with 1-based regions.
/// </summary>
public sealed class SarifReportWriter(Func<string, DiagnosticDescriptor?> describe, string toolVersion, SarifOptions options) : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base id artifact URIs are relative to.</summary>
    public const string SourceRoot = "%SRCROOT%";

    public void Write(ValidationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
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
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", DirectoryUri(options.BaseDirectory));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(json, d, ruleIndex[d.Code]);
            }
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
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
        json.WriteString("version", toolVersion);
        json.WriteString("semanticVersion", toolVersion);
        json.WriteString("informationUri", options.InformationUri.AbsoluteUri);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            var descriptor = describe(id);
            var title = Sentence(descriptor?.Title ?? id);
            var area = DiagnosticDocsWriter.AreaOf(id);
            var level = Level(descriptor?.DefaultSeverity ?? DiagnosticSeverity.Warning);
            var helpUri = new Uri(options.DiagnosticsPage, "#" + id.ToLowerInvariant()).AbsoluteUri;
            var full = area is { } a ? $"{title} {a.Heading}: {Sentence(a.Intro)}" : title;
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", RuleName(descriptor?.Title ?? id));
            WriteText(json, "shortDescription", title);
            WriteText(json, "fullDescription", full);
            json.WriteStartObject("help");
            json.WriteString("text", $"{full} Default level: {level}. See {helpUri} for every aipack diagnostic.");
            json.WriteString("markdown", $"**{id}: {descriptor?.Title ?? id}** (default level: {level})\n\n{(area is { } m ? $"{m.Heading}: {m.Intro}" : string.Empty)}\n\nSee [{id} in the aipack diagnostics]({helpUri}).");
            json.WriteEndObject();
            json.WriteString("helpUri", helpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", level);
            json.WriteEndObject();
            if (descriptor is not null)
            {
                json.WriteStartObject("properties");
                json.WriteString("category", descriptor.Category);
                json.WriteStartArray("tags");
                json.WriteStringValue("sentinel");
                json.WriteStringValue(descriptor.Category.ToLowerInvariant());
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter json, Diagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        WriteText(json, "message", Sentence(d.Message));
        if (d.FilePath.Length > 0)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var full = options.FullPath(d.FilePath);
            var relative = Path.GetRelativePath(options.BaseDirectory, full);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                json.WriteString("uri", new Uri(full).AbsoluteUri);
            }
            else
            {
                json.WriteString("uri", ToUri(relative));
                json.WriteString("uriBaseId", SourceRoot);
            }
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
        }
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference with forward slashes; characters such as spaces are percent-encoded.</summary>
    internal static string ToUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>An absolute <c>file:</c> URI of a folder, ending in '/' as SARIF requires of base URIs.</summary>
    internal static string DirectoryUri(string directory) =>
        new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar).AbsoluteUri;

    // SARIF messages are sentences: they end with a period.
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    // A rule's friendly name in PascalCase ("Required field missing" → "RequiredFieldMissing").
    private static string RuleName(string title) =>
        string.Concat(title.Split([' ', '-', '/', '(', ')', ',', ':', '\'', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
