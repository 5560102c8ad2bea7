using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SentinelAiPack.Engine.Testing.Reporting;

/// <summary>
/// JUnit XML as CI systems read it: one &lt;testsuite&gt; per rule file, one &lt;testcase&gt; per case (failure or
/// skipped with the message); problems with a tests file or query are a failed &lt;testcase name="tests file"&gt;.
/// </summary>
public sealed class JunitTestReportWriter : ITestReportWriter
{
    public void Write(RuleTestReport report, TextWriter output)
    {
        var suites = new XElement("testsuites", new XAttribute("name", "aipack test"));
        int tests = 0, failures = 0, skipped = 0;
        foreach (var item in report.Items)
        {
            var cases = new List<XElement>();
            foreach (var diagnostic in item.Diagnostics)
            {
                cases.Add(new XElement("testcase", new XAttribute("classname", item.ItemPath), new XAttribute("name", "tests file"),
                    new XElement("failure", new XAttribute("message", Clean(diagnostic.Message)), new XAttribute("type", diagnostic.Code),
                        Clean($"{diagnostic.FilePath}:{diagnostic.Span.Line}:{diagnostic.Span.Column}: {diagnostic.Message}"))));
            }
            foreach (var c in item.Cases)
            {
                var element = new XElement("testcase", new XAttribute("classname", item.ItemPath), new XAttribute("name", Clean(c.Name)),
                    new XAttribute("time", c.Duration.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)));
                if (c.Status == TestStatus.Failed)
                {
                    element.Add(new XElement("failure", new XAttribute("message", Clean(c.Message ?? "failed")), new XAttribute("type", EngineCodes.TestFailed.Code)));
                }
                else if (c.Status == TestStatus.Skipped)
                {
                    element.Add(new XElement("skipped", new XAttribute("message", Clean(c.Message ?? "skipped"))));
                }
                cases.Add(element);
            }
            var suiteFailures = cases.Count(c => c.Element("failure") is not null);
            var suiteSkipped = cases.Count(c => c.Element("skipped") is not null);
            tests += cases.Count;
            failures += suiteFailures;
            skipped += suiteSkipped;
            suites.Add(new XElement("testsuite",
                new XAttribute("name", item.ItemPath),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", suiteFailures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", suiteSkipped),
                cases));
        }
        suites.Add(new XAttribute("tests", tests), new XAttribute("failures", failures), new XAttribute("errors", 0), new XAttribute("skipped", skipped));
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false });
        new XDocument(suites).Save(writer);
        writer.Flush();
        output.WriteLine();
    }

    // XML 1.0 cannot carry most control characters; attacker-written sample text may contain them.
    private static string Clean(string text) => new(text.Where(XmlConvert.IsXmlChar).ToArray());
}
