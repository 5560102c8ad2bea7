using System.Text.Json;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.TestSupport.Repository;
using SentinelAiPack.TestSupport.Tools;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// The SARIF report of a customer repository with errors and warnings, written from a subfolder: Microsoft's SARIF
/// validator (npm @microsoft/sarif-multitool, restored by the build) with its SARIF and GitHub rules finds nothing,
/// and every artifact URI is relative to the repository root code scanning maps to.
/// </summary>
public sealed class SarifReportTests
{
    private string _root = null!;

    [SetUp]
    public void Copy()
    {
        _root = Path.Combine(Path.GetTempPath(), "aipack-sarif-" + Guid.NewGuid().ToString("N"));
        CustomerRepositoryTests.CopyFolder(RepositoryPaths.CustomerRepository, _root);
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        // An error (no query, an unknown severity) and a warning (an unknown key) in a folder name with a space.
        File.WriteAllText(Path.Combine(_root, "Hunting Queries", "AzureActivity", "Broken query.yaml"),
            "id: 7e1c0a52-3d4b-4f6a-8b9c-0d1e2f3a4b5c\nname: Broken\nseverity: Severe\nrequiredDataConnectors: []\nquery: ''\ncolour: blue\nversion: 1.0.0\n");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private async Task<JsonElement> ReportAsync(string workingDirectory, params string[] extra)
    {
        var path = Path.Combine(_root, "report.sarif");
        var result = await CliRunner.RunAsync(workingDirectory, ["validate", "--format", "sarif", "--output", path, .. extra]);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures), result.ToString());
        return JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.Clone();
    }

    [Test]
    public async Task The_report_passes_microsofts_sarif_validator_with_the_github_rules()
    {
        var report = await ReportAsync(Path.Combine(_root, "Solutions"));
        Assert.That(report.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("level").GetString()).Distinct(),
            Is.EquivalentTo(new[] { "error", "warning" }), "the report checked holds both levels");
        var multitool = ExternalTool.NodeModuleExport("@microsoft/sarif-multitool");
        var findings = Path.Combine(_root, "validation.sarif");
        var run = ExternalTool.Run(multitool, ["validate", Path.Combine(_root, "report.sarif"), "--rule-kind", "Gh;Sarif", "--output", findings, "--log", "ForceOverwrite"], _root);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        using var validation = JsonDocument.Parse(await File.ReadAllTextAsync(findings));
        var results = validation.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray())
            .Select(r => (Rule: r.GetProperty("ruleId").GetString()!, Level: r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                Message: r.GetProperty("message").TryGetProperty("text", out var text) ? text.GetString() : r.GetProperty("message").ToString()))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Level == "error"), Is.Empty, "errors");
            Assert.That(results.Where(r => r.Level == "warning" && r.Rule.StartsWith("GH", StringComparison.Ordinal)), Is.Empty, "GitHub warnings");
            Assert.That(results.Where(r => r.Level == "warning"), Is.Empty, "SARIF warnings");
        });
    }

    [Test]
    public async Task The_validator_check_catches_a_result_code_scanning_cannot_place()
    {
        // The control for the test above: the same report with a result's locations removed must fail the GitHub rules.
        var report = System.Text.Json.Nodes.JsonNode.Parse((await ReportAsync(_root)).GetRawText())!;
        report["runs"]![0]!["results"]![0]!.AsObject().Remove("locations");
        var broken = Path.Combine(_root, "broken.sarif");
        await File.WriteAllTextAsync(broken, report.ToJsonString());
        var findings = Path.Combine(_root, "broken-validation.sarif");
        var run = ExternalTool.Run(ExternalTool.NodeModuleExport("@microsoft/sarif-multitool"), ["validate", broken, "--rule-kind", "Gh;Sarif", "--output", findings, "--log", "ForceOverwrite"], _root);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var validation = JsonDocument.Parse(await File.ReadAllTextAsync(findings));
        var rules = validation.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()).Select(r => r.GetProperty("ruleId").GetString()!);
        Assert.That(rules, Has.Some.StartWith("GH"));
    }

    [Test]
    public async Task Artifact_uris_are_relative_to_the_repository_root_whatever_the_working_directory()
    {
        foreach (var workingDirectory in new[] { _root, Path.Combine(_root, "Solutions", "Contoso AI Gateway"), Path.Combine(_root, "Detections") })
        {
            var report = await ReportAsync(workingDirectory);
            var run = report.GetProperty("runs")[0];
            var uris = run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
                .Select(a => (Uri: a.GetProperty("uri").GetString(), Base: a.GetProperty("uriBaseId").GetString()))
                .Distinct().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(uris, Is.EqualTo(new[] { ("Hunting%20Queries/AzureActivity/Broken%20query.yaml", "%SRCROOT%") }), workingDirectory);
                Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(new Uri(_root + "/").AbsoluteUri));
            });
        }
    }

    [Test]
    public async Task Base_sets_the_folder_uris_are_relative_to()
    {
        var report = await ReportAsync(_root, "--base", "Hunting Queries");
        var run = report.GetProperty("runs")[0];
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Multiple(() =>
        {
            Assert.That(location.GetProperty("uri").GetString(), Is.EqualTo("AzureActivity/Broken%20query.yaml"));
            Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(new Uri(Path.Combine(_root, "Hunting Queries") + "/").AbsoluteUri));
        });
    }

    [Test]
    public async Task Rules_link_to_the_published_diagnostics_page()
    {
        var report = await ReportAsync(_root);
        var rules = report.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rules, Is.Not.Empty);
            foreach (var rule in rules)
            {
                var id = rule.GetProperty("id").GetString()!;
                Assert.That(rule.GetProperty("helpUri").GetString(), Is.EqualTo($"{ProjectLinks.DiagnosticsPage.AbsoluteUri}#{id.ToLowerInvariant()}"));
                Assert.That(rule.GetProperty("fullDescription").GetProperty("text").GetString(), Does.Contain($"({id[..4]}xxx)"));
                Assert.That(rule.GetProperty("help").GetProperty("text").GetString(), Is.Not.Empty);
                Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "diagnostics.md")), Does.Contain($"<a id=\"{id.ToLowerInvariant()}\"></a>{id}"));
            }
        });
    }

    [Test]
    public async Task A_base_that_is_not_a_folder_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(_root, "validate", "--format", "sarif", "--base", "no-such-folder");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
    }
}
