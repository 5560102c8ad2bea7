using System.Text.Json;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// Every KQL finding `validate` reports is the official analyzer's own verdict on the bare query text, placed at the
/// line and column of the token in the YAML file: samples in the shapes of real content (a block scalar indented four
/// spaces with blank lines, the same with CRLF line endings, a double-quoted scalar with escapes, a literal block with
/// an indentation indicator and a comment line). Expected positions were checked by hand against the files.
/// </summary>
public class AnalyzerPositionTests
{
    private static readonly string Samples = Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "positions");

    // file, expected "line:column code" of each KQL finding (the Kusto code is the finding's source)
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("BlockScalar.yaml", false, new[] { "12:13 KS142", "14:22 KS106" }).SetName("Block scalar, LF");
        yield return new TestCaseData("BlockScalar.yaml", true, new[] { "12:13 KS142", "14:22 KS106" }).SetName("Block scalar, CRLF");
        yield return new TestCaseData("DoubleQuotedEscapes.yaml", false, new[] { "7:68 KS142", "7:126 KS142" }).SetName("Double-quoted scalar with escapes");
        yield return new TestCaseData("FoldedKeepIndicator.yaml", false, new[] { "12:29 KS005" }).SetName("Literal block with indentation indicator");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Kql_findings_are_the_analyzers_verdict_at_the_token(string sample, bool crlf, string[] expected)
    {
        var work = Directory.CreateTempSubdirectory("aipack-positions").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(Samples, sample));
            var path = Path.Combine(work, sample);
            File.WriteAllText(path, crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);

            var result = await CliRunner.RunAsync(work, ["validate", sample, "--format", "json"]);
            using var json = JsonDocument.Parse(result.Out);
            var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
                .Where(d => d.TryGetProperty("source", out var s) && s.GetString()!.StartsWith("KS", StringComparison.Ordinal))
                .Select(d => (Line: d.GetProperty("line").GetInt32(), Column: d.GetProperty("column").GetInt32(), Code: d.GetProperty("source").GetString()!))
                .OrderBy(f => f.Line).ThenBy(f => f.Column)
                .ToList();
            Assert.That(findings.Select(f => $"{f.Line}:{f.Column} {f.Code}"), Is.EqualTo(expected), result.Out);

            // The same verdicts from the analyzer on the bare query text, and each reported position shows the token.
            var item = ContentLoader.Load([path]).Items.Single();
            var (schemas, _) = new SchemaSetBuilder().AddBuiltIns().Build();
            using var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
            var bare = (await new KqlAnalyzer(pool).AnalyzeAsync([new KqlRequest("q", item.Query!.Text)], schemas))[0]
                .Diagnostics.Where(d => d.Severity is KqlSeverity.Error or KqlSeverity.Warning).OrderBy(d => d.Start).ToList();
            Assert.That(bare.Select(d => d.Code), Is.EqualTo(findings.Select(f => f.Code)));
            var lines = File.ReadAllText(path).Split('\n');
            for (var i = 0; i < bare.Count; i++)
            {
                if (bare[i].Length == 0 || bare[i].Start >= item.Query.Text.Length)
                {
                    continue; // a missing token ("Expected: )") has no text to show
                }
                var token = item.Query.Text.Substring(bare[i].Start, Math.Min(bare[i].Length, 6));
                Assert.That(lines[findings[i].Line - 1][(findings[i].Column - 1)..], Does.StartWith(token), $"finding {i} points at '{token}'");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
