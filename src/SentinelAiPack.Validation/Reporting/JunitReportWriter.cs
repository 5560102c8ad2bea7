using System.Globalization;
using System.Xml;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// JUnit XML for CI test tabs: one test case per file checked; a file with errors is a failure listing every
/// error (and, with <c>warningsAsErrors</c>, every warning); warnings otherwise go to system-out.
/// </summary>
public sealed class JunitReportWriter(bool warningsAsErrors) : IReportWriter
{
    public void Write(ValidationReport report, TextWriter output)
    {
        var byFile = report.Ordered.GroupBy(d => d.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = report.Files.Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failures = files.Count(f => byFile.TryGetValue(f, out var ds) && ds.Any(IsFailure));

        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false, CheckCharacters = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "aipack validate");
        xml.WriteAttributeString("tests", Invariant(files.Count));
        xml.WriteAttributeString("failures", Invariant(failures));
        xml.WriteAttributeString("time", report.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "validate");
        xml.WriteAttributeString("tests", Invariant(files.Count));
        xml.WriteAttributeString("failures", Invariant(failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        foreach (var file in files)
        {
            var diagnostics = byFile.GetValueOrDefault(file) ?? [];
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "validate");
            xml.WriteAttributeString("name", XmlSafe(file));
            var failing = diagnostics.Where(IsFailure).ToList();
            if (failing.Count > 0)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", XmlSafe($"{failing.Count} problem(s): {failing[0].Code} {failing[0].Message}"));
                xml.WriteAttributeString("type", failing[0].Code);
                xml.WriteString(string.Join('\n', failing.Select(d => XmlSafe(TextReportWriter.FormatHeader(d)))));
                xml.WriteEndElement();
            }
            var notes = diagnostics.Except(failing).ToList();
            if (notes.Count > 0)
            {
                xml.WriteElementString("system-out", string.Join('\n', notes.Select(d => XmlSafe(TextReportWriter.FormatHeader(d)))));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteLine();
    }

    private bool IsFailure(Diagnostic d) =>
        d.Severity == DiagnosticSeverity.Error || (warningsAsErrors && d.Severity == DiagnosticSeverity.Warning);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters or lone surrogates: escape them visibly.</summary>
    private static string XmlSafe(string text) => TerminalText.Sanitize(text);
}
