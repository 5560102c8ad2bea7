using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Engine.Tests.Testing;

public class RuleTestFileReaderTests
{
    private static (RuleTestFile? File, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag("x.tests.yaml");
        return (RuleTestFileReader.Parse(yaml, "x.tests.yaml", bag), bag.Items);
    }

    [Test]
    public void Reads_cases_tables_files_watchlists_and_lookback()
    {
        var (file, diagnostics) = Parse("""
            referenceTime: 2026-03-01T12:00:00Z
            lookback: 2d
            watchlists:
              Allow: [ { SearchKey: a } ]
            cases:
              - name: one
                expect: fires
                rows: 2
                columns: { A: x }
                data:
                  T: [ { A: x } ]
                  U: { file: samples/u.jsonl }
                externaldata:
                  "https://example.com/list.csv": [ { Ip: 10.0.0.1 } ]
              - name: two
                expect: silent
                lookback: false
                referenceTime: 2026-03-02T00:00:00Z
            """);
        Assert.That(diagnostics, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(file!.ReferenceTime, Is.EqualTo(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc)));
            Assert.That(file.Lookback!.Span, Is.EqualTo(TimeSpan.FromDays(2)));
            Assert.That(file.Watchlists.Single().Name, Is.EqualTo("Allow"));
            Assert.That(file.Cases[0].Rows, Is.EqualTo(2));
            Assert.That(file.Cases[0].Data.Select(d => d.Name), Is.EqualTo(new[] { "T", "U" }));
            Assert.That(file.Cases[0].Data[1].File, Is.EqualTo("samples/u.jsonl"));
            Assert.That(file.Cases[0].ExternalData.Single().Name, Is.EqualTo("https://example.com/list.csv"));
            Assert.That(file.Cases[1].Expect, Is.EqualTo(Expectation.Silent));
            Assert.That(file.Cases[1].Lookback, Is.EqualTo(LookbackSetting.None));
            Assert.That(file.Cases[1].ReferenceTime, Is.EqualTo(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public void Problems_are_SAP6102_at_their_lines()
    {
        var (file, diagnostics) = Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "bad", "Bad.tests.yaml")));
        Assert.That(file, Is.Null);
        var lines = diagnostics.Select(d => $"{d.Code} {d.Span.Line}: {d.Message}").ToList();
        Assert.That(lines, Does.Contain("SAP6102 1: 'referenceTime' is not a date and time: 'yesterday' (use ISO 8601, e.g. 2026-03-01T12:00:00Z)."));
        Assert.That(lines, Has.Some.StartWith("SAP6102 5: Unknown key 'rowz' in a case"));
        Assert.That(lines, Has.Some.StartWith("SAP6102 4: Case 'x': 'expect' must be 'fires' or 'silent', not 'maybe'."));
    }

    [TestCase("", "must be a mapping")]
    [TestCase("referenceTime: 2026-03-01T12:00:00Z\ncases: nope\n", "'cases' must be a list")]
    [TestCase("referenceTime: 2026-03-01T12:00:00Z\ncases:\n  - name: a\n    expect: fires\n  - name: a\n    expect: fires\n", "Two cases are named 'a'")]
    [TestCase("referenceTime: 2026-03-01T12:00:00Z\ncases:\n  - name: a\n    expect: silent\n    rows: 3\n", "expects silence but 3 rows")]
    [TestCase("referenceTime: [1, 2\n", "Malformed YAML")]
    [TestCase("cases:\n  - name: a\n    expect: fires\n", "'referenceTime' is missing")]
    public void Malformed_files_are_reported(string yaml, string message)
    {
        var (file, diagnostics) = Parse(yaml);
        Assert.That(diagnostics.Select(d => d.Message), Has.Some.Contains(message));
        if (!message.StartsWith("Two", StringComparison.Ordinal))
        {
            Assert.That(file, Is.Null);
        }
    }

    [Test]
    public void A_fifo_named_tests_yaml_is_reported_not_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("FIFOs in the file system are a Unix feature.");
        }

        var folder = Directory.CreateTempSubdirectory("aipack-fifo-tests-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "Rule.tests.yaml");
            using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [fifo]) { RedirectStandardError = true })!)
            {
                mkfifo.WaitForExit();
                Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
            }

            var bag = new DiagnosticBag(fifo);
            var read = Task.Run(() => RuleTestFileReader.Read(fifo, bag));
            var finished = read.Wait(TimeSpan.FromSeconds(30));
            if (!finished)
            {
                // Release the blocked reader (a writer opening the FIFO), then fail.
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }

            Assert.That(finished, Is.True, "reading blocked on the FIFO");
            Assert.Multiple(() =>
            {
                Assert.That(read.Result, Is.Null);
                Assert.That(bag.Items.Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { ("SAP6102", "The tests file is a FIFO (named pipe), not a regular file; it was not read.") }));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
