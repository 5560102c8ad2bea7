using System.Text.Json;
using System.Xml.Linq;
using SentinelAiPack.Validation.Reporting;

namespace SentinelAiPack.Validation.Tests.Reporting;

public class ReportWriterTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("aipack-report").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Render(IReportWriter writer)
    {
        using var output = new StringWriter();
        writer.Write(ReportFixtures.TwoFindings(_dir), output);
        return output.ToString();
    }

    [Test]
    public void Text_is_compiler_style_with_source_line_and_caret()
    {
        var lines = Render(new TextReportWriter(new SourceLineReader(_dir))).Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("rule with space.yaml:2:11: error SAP1004: 'Critical' is not a severity"));
            Assert.That(lines[1], Is.EqualTo(" 2 | severity: Critical"));
            Assert.That(lines[2], Is.EqualTo("   |           ^^^^^^^^"));
            Assert.That(lines[^2], Is.EqualTo("1 error(s), 1 warning(s) in 2 file(s), 2 item(s), 1.23s"));
        });
    }

    [Test]
    public void Text_shows_bidi_overrides_escaped_not_active()
    {
        var text = Render(new TextReportWriter(new SourceLineReader(_dir)));
        Assert.Multiple(() =>
        {
            Assert.That(text.Contains('\u202E', StringComparison.Ordinal), Is.False, "raw bidi override in output");
            Assert.That(text, Does.Contain("nam\\u{202E}e"));
        });
    }

    [Test]
    public void Json_lists_summary_and_diagnostics()
    {
        using var doc = JsonDocument.Parse(Render(new JsonReportWriter()));
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("summary").GetProperty("warnings").GetInt32(), Is.EqualTo(1));
            var first = root.GetProperty("diagnostics")[0];
            Assert.That(first.GetProperty("code").GetString(), Is.EqualTo("SAP1004"));
            Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("error"));
        });
    }

    [Test]
    public void Sarif_has_what_github_code_scanning_requires()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var writer = new SarifReportWriter(code => code == "SAP1004" ? ReportFixtures.Severity : null, "0.1.0", new SarifOptions
        {
            BaseDirectory = root,
            FullPath = p => Path.GetFullPath(Path.Combine(root, p)),
            DiagnosticsPage = new Uri("https://github.com/example/SentinelAiPack/blob/main/docs/diagnostics.md"),
            InformationUri = new Uri("https://github.com/example/SentinelAiPack"),
        });
        using var doc = JsonDocument.Parse(Render(writer));
        var sarif = doc.RootElement;
        var run = sarif.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var result = run.GetProperty("results")[0];
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Multiple(() =>
        {
            Assert.That(sarif.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(sarif.GetProperty("$schema").GetString(), Does.Contain("sarif-2.1.0"));
            Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(new Uri(root + "/").AbsoluteUri));
            Assert.That(rules[0].GetProperty("helpUri").GetString(), Is.EqualTo("https://github.com/example/SentinelAiPack/blob/main/docs/diagnostics.md#sap1004"));
            Assert.That(rules[0].GetProperty("fullDescription").GetProperty("text").GetString(), Does.Contain("Template constraints (SAP1xxx)"));
            Assert.That(rules[0].GetProperty("help").GetProperty("markdown").GetString(), Does.Contain("(https://github.com/example/SentinelAiPack/blob/main/docs/diagnostics.md#sap1004)"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString(), Is.EqualTo("aipack"));
            Assert.That(rules.GetArrayLength(), Is.EqualTo(2));
            Assert.That(rules[0].GetProperty("id").GetString(), Is.EqualTo("SAP1004"));
            Assert.That(rules[0].GetProperty("shortDescription").GetProperty("text").GetString(), Does.StartWith("Severity must be"));
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("SAP1004"));
            Assert.That(result.GetProperty("ruleIndex").GetInt32(), Is.EqualTo(0));
            Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("rule%20with%20space.yaml"));
            Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(2));
            Assert.That(location.GetProperty("region").GetProperty("startColumn").GetInt32(), Is.EqualTo(11));
        });
    }

    [Test]
    public void Junit_has_a_case_per_file_and_fails_files_with_errors()
    {
        var xml = XDocument.Parse(Render(new JunitReportWriter(warningsAsErrors: false)));
        var cases = xml.Descendants("testcase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EquivalentTo(new[] { "clean.yaml", "rule with space.yaml" }));
            Assert.That(xml.Root!.Attribute("failures")!.Value, Is.EqualTo("1"));
            Assert.That(cases.Single(c => (string?)c.Attribute("name") == "clean.yaml").Element("failure"), Is.Null);
            Assert.That(cases.Single(c => (string?)c.Attribute("name") == "rule with space.yaml").Element("failure"), Is.Not.Null);
        });
    }

    [Test]
    public void Junit_with_warnings_as_errors_fails_on_warnings_too()
    {
        var xml = XDocument.Parse(Render(new JunitReportWriter(warningsAsErrors: true)));
        var failure = xml.Descendants("failure").Single();
        Assert.That(failure.Value, Does.Contain("SAP5003"));
    }
}
