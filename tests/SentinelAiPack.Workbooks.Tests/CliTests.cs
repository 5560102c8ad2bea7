using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Cli.Tests;
using SentinelAiPack.Content.Tests;
using SentinelAiPack.Workbooks.Checks;

namespace SentinelAiPack.Workbooks.Tests;

public sealed class CliTests
{
    [Test]
    public async Task Validate_checks_workbook_specs_with_rules_and_points_at_the_spec_line()
    {
        using var folder = new TempFolder();
        folder.Write("aipack.yaml", "contentFolders: [workbooks]\n");
        var spec = File.ReadAllText(Path.Combine(Repo.WorkbooksFolder, "output-policy.workbook.yaml"))
            .Replace("summarize Violations = count() by UserPrincipalName", "summarize Violations = count() by UserPrincipalNam", StringComparison.Ordinal);
        folder.Write("workbooks/output-policy.workbook.yaml", spec);
        var line = spec[..spec.IndexOf("UserPrincipalNam\n", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = await CliRunner.RunAsync(folder.Path, "validate");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Out + result.Error);
        Assert.That(result.Out, Does.Contain($"workbooks/output-policy.workbook.yaml:{line}:"));
        Assert.That(result.Out, Does.Contain("SAP3002").And.Contain("Did you mean 'UserPrincipalName'?"));
        Assert.That(result.Out, Does.Contain("in 1 file(s), 1 item(s)"));
    }

    [Test]
    public async Task Validate_reports_malformed_specs_and_goes_on()
    {
        using var folder = new TempFolder();
        folder.Write("a.workbook.yaml", "key: [unclosed\n");
        folder.Write("b.workbook.yaml", File.ReadAllText(Path.Combine(Repo.WorkbooksFolder, "model-drift.workbook.yaml")));

        var result = await CliRunner.RunAsync(folder.Path, "validate", ".", "--format", "sarif");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        var sarif = JsonNode.Parse(result.Out)!;
        var results = sarif["runs"]![0]!["results"]!.AsArray();
        Assert.That(results.Select(r => r!["ruleId"]!.GetValue<string>()), Is.EqualTo(new[] { "SAP5005" }));
        Assert.That(results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Does.EndWith("a.workbook.yaml"));
        Assert.That(result.Error, Does.Not.Contain("Exception"));
    }

    [Test]
    public async Task Generate_writes_gallery_arm_and_metadata_that_pass_the_checks()
    {
        using var output = new TempFolder();

        var result = await CliRunner.RunAsync(Repo.Root, "workbook", "generate", "prompt-injection", "AIPackOverview", "--out", output.Path);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var files = Directory.GetFiles(output.Path).Select(Path.GetFileName).Order().ToList();
        Assert.That(files, Is.EqualTo(new[] { "AIPackOverview.arm.json", "AIPackOverview.json", "AIPackPromptInjection.arm.json", "AIPackPromptInjection.json", "WorkbooksMetadata.json" }));
        Assert.That(GalleryTemplateChecks.CheckTemplate(File.ReadAllText(Path.Combine(output.Path, "AIPackPromptInjection.json"))), Is.Empty);
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(output.Path, "WorkbooksMetadata.json")))!.AsArray();
        Assert.That(metadata.Select(m => GalleryTemplateChecks.CheckMetadata(m!.AsObject())), Has.All.Empty);
    }

    [Test]
    public async Task Generate_refuses_specs_with_errors_and_unknown_names()
    {
        using var folder = new TempFolder();
        folder.Write("aipack.yaml", "contentFolders: [workbooks]\n");
        folder.Write("workbooks/x.workbook.yaml", "key: X\ntitle: T\n");

        var broken = await CliRunner.RunAsync(folder.Path, "workbook", "generate");
        var unknown = await CliRunner.RunAsync(Repo.Root, "workbook", "generate", "no-such-workbook");

        Assert.That(broken.ExitCode, Is.EqualTo(1));
        Assert.That(broken.Error, Does.Contain("workbooks/x.workbook.yaml:1:1: error SAP7001: 'description' is required."));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("No workbook named 'no-such-workbook'").And.Contain("prompt-injection"));
    }

    [Test]
    public async Task Preview_runs_every_tile_on_freshly_generated_attack_traffic_by_default()
    {
        using var output = new TempFolder();
        var page = Path.Combine(output.Path, "rag.html");

        var result = await CliRunner.RunAsync(Repo.Root, "workbook", "preview", "rag-vector-store", "--out", page);

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Error);
        Assert.That(result.Out, Does.Match(@"^rag-vector-store: 5 of 5 tiles returned rows, 0 failed \(data \d+\.\d s, tiles \d+\.\d s\); preview written to "));
        Assert.That(result.Error, Is.Empty);
        var html = File.ReadAllText(page);
        Assert.That(Regex.Match(html, "<p class=\"data\">(.*?)</p>").Groups[1].Value,
            Is.EqualTo("Preview on generated sample traffic with 40 attack scenarios (200 users, seed 1), 2025-06-24 00:00 to 2025-07-01 00:00 UTC"));
        Assert.That(html.Contains("Chart.js v4", StringComparison.Ordinal) && html.Contains("default-src 'none'", StringComparison.Ordinal), Is.True, "Chart.js inlined, network forbidden");
        Assert.That(html.Contains("<td>hr-policies</td>", StringComparison.Ordinal), Is.True, "a value from the generated knowledge-base attack");
    }

    [Test]
    public async Task Preview_on_a_data_folder_reports_unreadable_files_and_empty_tiles_as_notes()
    {
        using var data = new TempFolder();
        File.Copy(Path.Combine(GeneratedTraffic.Folder, "AIRetrieval_CL.jsonl"), Path.Combine(data.Path, "AIRetrieval_CL.jsonl"));
        data.Write("AIKnowledgeBaseWrite_CL.jsonl", "{\"TimeGenerated\": \"2025-06-30T10:00:00Z\", \"IndexName\": [unclosed\n");
        using var output = new TempFolder();
        var page = Path.Combine(output.Path, "rag.html");

        var result = await CliRunner.RunAsync(Repo.Root, "workbook", "preview", "AIPackRagVectorStore", "--data", data.Path, "--out", page);

        Assert.That(result.ExitCode, Is.Zero, "empty tiles on your own logs are notes, not failures: " + result.Error);
        Assert.That(result.Error, Does.Contain("SAP6104").And.Contain("AIKnowledgeBaseWrite_CL.jsonl"));
        Assert.That(result.Error, Does.Contain("note: tile 'Writers of the knowledge base' returned no rows"));
        Assert.That(result.Out, Does.Contain("0 failed"));
        // Without the generator's manifest the window is read from the data: whole minutes around the first and last record.
        var description = Regex.Match(File.ReadAllText(page), "<p class=\"data\">(.*?)</p>").Groups[1].Value;
        Assert.That(description, Does.Match(@"^Preview on logs from .+ \(1 table\), 2025-06-\d\d \d\d:\d\d to 2025-0[67]-\d\d \d\d:\d\d UTC$"));
    }

    [Test]
    public async Task Preview_refuses_a_missing_data_folder_and_unknown_workbooks()
    {
        var missing = await CliRunner.RunAsync(Repo.Root, "workbook", "preview", "overview", "--data", "no/such/folder");
        using var empty = new TempFolder();
        var noRows = await CliRunner.RunAsync(Repo.Root, "workbook", "preview", "overview", "--data", empty.Path);
        var unknown = await CliRunner.RunAsync(Repo.Root, "workbook", "preview", "no-such-workbook");

        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("--data: 'no/such/folder' is not a folder."));
        Assert.That(noRows.ExitCode, Is.EqualTo(2));
        Assert.That(noRows.Error, Does.Contain("has a row with a TimeGenerated value"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("No workbook named 'no-such-workbook'"));
        Assert.That(missing.Error + noRows.Error + unknown.Error, Does.Not.Contain("Exception").And.Not.Contain("   at "));
    }
}
