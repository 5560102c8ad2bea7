using System.Text.Json;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// Real-world queries with syntax errors, from an Azure-Sentinel checkout named by AIPACK_REAL_CONTENT (not committed:
/// third-party content; skipped without it): the syntax errors `validate` reports are exactly the official analyzer's on
/// the bare query text, with the expected codes, and each points at its token in the YAML file.
/// </summary>
public class RealContentPositionTests
{
    // file in the checkout (cloudflare/Azure-Sentinel, 2024-09), the analyzer's syntax-error codes on its bare query text in text order,
    // pinned from the analyzer; files without syntax errors check that none appear in the YAML mapping either
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("Hunting Queries/AWSS3/AWSBucketAPILogs-SuspiciousDataAccessToS3BucketsfromUnknownIP.yaml", new[] { "KS005" }).SetName("Stray word in a where");
        yield return new TestCaseData("Hunting Queries/SecurityEvent/PotentialProcessDoppelganging.yaml", new[] { "KS001", "KS005", "KS005", "KS002", "KS198", "KS002", "KS002", "KS002", "KS002", "KS002", "KS002", "KS001" }).SetName("Double-quoted scalar with escapes, many errors");
        yield return new TestCaseData("Hunting Queries/LAQueryLogs/UserReturningMoreDataThanDailyAverage.yaml", Array.Empty<string>()).SetName("LAQueryLogs");
        yield return new TestCaseData("Parsers/ASimAuthentication/Parsers/vimAuthenticationAWSCloudTrail.yaml", Array.Empty<string>()).SetName("ASIM parser");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Syntax_errors_on_real_content_are_the_analyzers_verdict_at_the_token(string file, string[] expected)
    {
        if (Environment.GetEnvironmentVariable("AIPACK_REAL_CONTENT") is not { Length: > 0 } repo || !File.Exists(Path.Combine(repo, file)))
        {
            Assert.Ignore("AIPACK_REAL_CONTENT does not name an Azure-Sentinel checkout with this file.");
            return;
        }
        var path = Path.Combine(repo, file);
        var result = await CliRunner.RunAsync(repo, ["validate", file, "--format", "json"]);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.TryGetProperty("source", out var s) && s.GetString()!.StartsWith("KS", StringComparison.Ordinal))
            .Select(d => (Line: d.GetProperty("line").GetInt32(), Column: d.GetProperty("column").GetInt32(), Code: d.GetProperty("source").GetString()!))
            .ToList();

        var item = ContentLoader.Load([path]).Items.Single();
        var (schemas, _) = new SchemaSetBuilder().AddBuiltIns().Build();
        using var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var syntax = (await new KqlAnalyzer(pool).AnalyzeAsync([new KqlRequest("q", item.Query!.Text)], schemas))[0]
            .Diagnostics.Where(d => d.IsSyntax && d.Severity == KqlSeverity.Error && d.Code != "KS109").OrderBy(d => d.Start).ToList();
        Assert.That(syntax.Select(d => d.Code), Is.EqualTo(expected), "the analyzer's syntax errors on the bare query text: " + string.Join(", ", syntax.Select(d => d.Code)));

        var lines = File.ReadAllText(path).Split('\n');
        foreach (var d in syntax)
        {
            var at = findings.Where(f => f.Code == d.Code).ToList();
            Assert.That(at, Is.Not.Empty, $"validate reports {d.Code}:\n{result.Out}");
            if (d.Length == 0 || d.Start >= item.Query.Text.Length)
            {
                continue; // a missing token ("Expected: )") has no text to show
            }
            var token = item.Query.Text.Substring(d.Start, Math.Min(d.Length, 6));
            Assert.That(at.Any(f => lines[f.Line - 1][(f.Column - 1)..].StartsWith(token, StringComparison.Ordinal)), Is.True,
                $"{d.Code} at '{token}' is reported at its token: {string.Join(", ", at)}");
        }
    }
}
