using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// A customer's own repository in the Azure-Sentinel layout with no aipack.yaml (tests/samples/customer-repo, copied
/// outside this repository so the pack's own aipack.yaml is not found above it): found, validated, tested, and
/// <c>aipack init</c> pins the layout in a commented aipack.yaml.
/// </summary>
public sealed class CustomerRepositoryTests
{
    private string _root = null!;

    [SetUp]
    public void Copy()
    {
        _root = Path.Combine(Path.GetTempPath(), "aipack-customer-" + Guid.NewGuid().ToString("N"));
        CopyFolder(RepositoryPaths.CustomerRepository, _root);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Test]
    public async Task Validates_with_no_aipack_yaml()
    {
        var result = await CliRunner.RunAsync(_root, "validate");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.ToString());
            Assert.That(result.Out, Does.Contain("0 error(s), 0 warning(s) in 5 file(s), 5 item(s)"));
            Assert.That(result.Error, Does.Contain("no aipack.yaml: using the Azure-Sentinel layout (5 content folder(s), 1 solution(s))").And.Contain("aipack init"));
        });
    }

    [Test]
    public async Task Folder_names_are_matched_whatever_their_case()
    {
        Directory.Move(Path.Combine(_root, "Detections"), Path.Combine(_root, "DETECTIONS"));
        Directory.Move(Path.Combine(_root, "Hunting Queries"), Path.Combine(_root, "hunting queries"));
        Directory.Move(Path.Combine(_root, "Solutions", "Contoso AI Gateway", "Analytic Rules"), Path.Combine(_root, "Solutions", "Contoso AI Gateway", "analytic rules"));
        Directory.Move(Path.Combine(_root, ".script", "tests", "KqlvalidationsTests"), Path.Combine(_root, ".script", "tests", "KQLValidationsTests"));

        var result = await CliRunner.RunAsync(_root, "validate");
        Assert.That(result.Out, Does.Contain("0 error(s), 0 warning(s) in 5 file(s), 5 item(s)"), result.ToString());
    }

    [Test]
    public async Task Is_found_from_a_subfolder_of_the_git_repository()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        var result = await CliRunner.RunAsync(Path.Combine(_root, "Detections", "AzureActivity"), "validate");
        Assert.That(result.Out, Does.Contain("0 error(s), 0 warning(s) in 5 file(s), 5 item(s)"), result.ToString());
    }

    [Test]
    public async Task Rule_tests_run_with_no_aipack_yaml()
    {
        var result = await CliRunner.RunAsync(_root, "test", "--fail-on-skipped");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.ToString());
            Assert.That(result.Out, Does.Contain("PASS  Solutions/Contoso AI Gateway/Analytic Rules/GatewayBlockedPromptBurst.yaml  (2 case(s))"));
        });
    }

    [Test]
    public async Task Init_writes_a_commented_aipack_yaml_for_the_layout_and_validate_then_uses_it()
    {
        var init = await CliRunner.RunAsync(_root, "init");
        var written = await File.ReadAllTextAsync(Path.Combine(_root, "aipack.yaml"));
        var validate = await CliRunner.RunAsync(_root, "validate");
        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.ToString());
            Assert.That(init.Out, Does.Contain("Wrote aipack.yaml for the Azure-Sentinel layout"));
            Assert.That(written, Does.Contain("""
                contentFolders:
                  - "Detections"
                  - "Hunting Queries"
                  - "Solutions/Contoso AI Gateway/Analytic Rules"
                  - "Solutions/Contoso AI Gateway/Hunting Queries"
                  - "Solutions/Contoso AI Gateway/Parsers"
                """.ReplaceLineEndings("\n")));
            Assert.That(written, Does.Contain("schemaFolders:\n  - \".script/tests/KqlvalidationsTests/CustomTables\""));
            Assert.That(written, Does.Contain("connectorIdsFile: \".script/tests/detectionTemplateSchemaValidation/ValidConnectorIds.json\""));
            Assert.That(written, Does.Contain("docs/configuration.md").And.Contain("# solution:"));
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.ToString());
            Assert.That(validate.Out, Does.Contain("0 error(s), 0 warning(s) in 5 file(s), 5 item(s)"));
            Assert.That(validate.Error, Does.Not.Contain("no aipack.yaml"));
        });
    }

    [Test]
    public async Task Init_does_not_replace_an_aipack_yaml_without_force()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "aipack.yaml"), "contentFolders: [Detections]\n");
        var refused = await CliRunner.RunAsync(_root, "init");
        var unchanged = await File.ReadAllTextAsync(Path.Combine(_root, "aipack.yaml"));
        var forced = await CliRunner.RunAsync(_root, "init", "--force");
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(refused.Error, Does.Contain("aipack.yaml exists already; pass --force"));
            Assert.That(unchanged, Is.EqualTo("contentFolders: [Detections]\n"));
            Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        });
    }

    [Test]
    public async Task A_folder_without_content_is_a_usage_error_naming_what_was_looked_for()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(Path.Combine(empty, ".git"));
        var validate = await CliRunner.RunAsync(empty, "validate");
        var init = await CliRunner.RunAsync(empty, "init");
        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(validate.Error, Does.Contain("Solutions/*/Analytic Rules").And.Contain("docs/configuration.md"));
            Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(init.Error, Does.Contain("No content folder aipack knows"));
        });
    }

    [Test]
    public async Task The_content_hub_package_is_the_customers_and_items_are_filed_by_their_folders()
    {
        await CliRunner.RunAsync(_root, "init");
        await File.AppendAllTextAsync(Path.Combine(_root, "aipack.yaml"), """
            solution:
              name: Contoso AI Detections
              publisher: Contoso SOC
              version: 2.1.0
              description: Detections for Contoso's AI gateway.
              categories: [Security - Threat Protection, Security - Cloud Security]
              verticals: [Finance]
              logo: https://contoso.example/logo.svg
              support:
                tier: Partner
                email: soc@contoso.example
                link: https://contoso.example/soc
            """.ReplaceLineEndings("\n"));
        var locked = await CliRunner.RunAsync(_root, "lock");
        var build = await CliRunner.RunAsync(_root, "build", "--out", "out");
        Assert.That(build.ExitCode, Is.EqualTo(ExitCodes.Success), locked + "\n" + build);

        var main = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "out", "solution", "mainTemplate.json")))!;
        var package = main["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>().EndsWith("contentPackages", StringComparison.Ordinal))!["properties"]!;
        var ui = await File.ReadAllTextAsync(Path.Combine(_root, "out", "solution", "createUiDefinition.json"));
        var rules = Directory.GetFiles(Path.Combine(_root, "out", "arm"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_root, "out", "arm"), f).Replace('\\', '/')).Where(f => f.StartsWith("3-", StringComparison.Ordinal) || f.StartsWith("4-", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(package["displayName"]!.GetValue<string>(), Is.EqualTo("Contoso AI Detections"));
            Assert.That(package["publisherDisplayName"]!.GetValue<string>(), Is.EqualTo("Contoso SOC"));
            Assert.That(main["variables"]!["_solutionId"]!.GetValue<string>(), Is.EqualTo("contoso-soc.contoso-ai-detections"));
            Assert.That(main["variables"]!["_solutionVersion"]!.GetValue<string>(), Is.EqualTo("2.1.0"));
            Assert.That(main["variables"]!["_supportTier"]!.GetValue<string>(), Is.EqualTo("Partner"));
            Assert.That(package["categories"]!.ToJsonString(), Is.EqualTo("""{"domains":["Security - Threat Protection","Security - Cloud Security"],"verticals":["Finance"]}"""));
            Assert.That(package["support"]!["email"]!.GetValue<string>(), Is.EqualTo("soc@contoso.example"));
            Assert.That(package["support"]!["link"]!.GetValue<string>(), Is.EqualTo("https://contoso.example/soc"));
            Assert.That(ui, Does.Contain("<img src=\\\"https://contoso.example/logo.svg\\\" width=\\\"75px\\\" height=\\\"75px\\\">"));
            Assert.That(File.Exists(Path.Combine(_root, "out", "solution", "2.1.0.zip")), Is.True);
            Assert.That(main.ToJsonString(), Does.Not.Contain("SentinelAiPack"));
            Assert.That(rules, Is.EquivalentTo(new[]
            {
                "3-analytics-rules/azureactivity/OpenAIKeysListedByUnusualCaller.json",
                "3-analytics-rules/contoso_ai_gateway/GatewayBlockedPromptBurst.json",
                "4-hunting-queries/azureactivity/OpenAIDeploymentChanges.json",
                "4-hunting-queries/contoso_ai_gateway/GatewayTopBlockedUsers.json",
            }));
        });
    }
}
