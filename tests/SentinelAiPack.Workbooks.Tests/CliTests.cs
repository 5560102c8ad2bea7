using System.Text.Json.Nodes;
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
}
