using System.Text.Json;
using System.Xml.Linq;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Tests;

/// <summary>`aipack validate` end to end with the real analyzer, on small fixture folders copied to a temp directory.</summary>
public class ValidateCommandTests
{
    private string _work = null!;

    [SetUp]
    public void SetUp()
    {
        _work = Directory.CreateTempSubdirectory("aipack-validate").FullName;
        CopyDirectory(Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "validate"), _work);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_work, recursive: true);

    private Task<CliResult> Validate(params string[] args) => CliRunner.RunAsync(_work, ["validate", .. args, "--schemas", "schemas"]);

    [Test]
    public async Task Clean_content_exits_zero_with_a_summary()
    {
        var result = await Validate("clean");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Out + result.Error);
            Assert.That(result.Out, Does.Contain("0 error(s), 0 warning(s) in 1 file(s), 1 item(s)"));
        });
    }

    [Test]
    public async Task A_mapped_column_missing_from_the_output_is_an_error_at_its_yaml_line()
    {
        var result = await Validate("broken/MissingColumn.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures));
            // The misspelt column in the query, with a suggestion, at the line and column of the YAML file.
            Assert.That(result.Out, Does.Contain("broken/MissingColumn.yaml:22:76: error SAP3002: 'SesionId' is not a column").And.Contain("Did you mean 'SessionId'?"));
        });
    }

    [Test]
    public async Task Output_columns_are_checked_when_the_query_is_valid()
    {
        var rule = File.ReadAllText(Path.Combine(_work, "clean", "InstructionOverride.yaml"))
            .Replace("  | project TimeGenerated, SessionId, UserPrincipalName, ClientIp, Content", "  | project TimeGenerated, SessionId, UserPrincipalName, Content", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_work, "NoIp.yaml"), rule);
        var result = await Validate("NoIp.yaml");
        Assert.That(result.Out, Does.Contain("NoIp.yaml:31:21: error SAP3010: Entity mapping IP.Address uses column 'ClientIp', which the query does not output."));
    }

    [Test]
    public async Task Bad_files_get_per_file_errors_and_the_run_goes_on()
    {
        File.WriteAllBytes(Path.Combine(_work, "broken", "Binary.yaml"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0xFF, 0xFE, 0x00]);
        using (var huge = File.Create(Path.Combine(_work, "broken", "Huge.yaml")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }
        var result = await Validate("broken", "clean");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures));
            Assert.That(result.Error, Is.Empty, "no stack trace or internal error");
            Assert.That(result.Out, Does.Match(@"broken/Binary\.yaml(:\d+:\d+)?: error SAP5003"));
            Assert.That(result.Out, Does.Contain("broken/Huge.yaml: error SAP5002"));
            Assert.That(result.Out, Does.Contain("broken/Empty.yaml: error SAP5004"));
            Assert.That(result.Out, Does.Match(@"broken/Malformed\.yaml:\d+:\d+: error SAP5005"));
            Assert.That(result.Out, Does.Contain("item(s)"));
            Assert.That(result.Out, Does.Not.Contain("clean/InstructionOverride.yaml"), "the clean rule still validates clean");
        });
    }

    [Test]
    public async Task Json_format_lists_the_diagnostics()
    {
        var result = await Validate("broken/MissingColumn.yaml", "--format", "json");
        using var doc = JsonDocument.Parse(result.Out);
        var codes = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.That(codes, Does.Contain("SAP3002"));
    }

    [Test]
    public async Task Sarif_goes_to_the_output_file_and_a_summary_to_stdout()
    {
        var result = await Validate("broken/MissingColumn.yaml", "--format", "sarif", "--output", "out/report.sarif");
        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "out", "report.sarif")));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures));
            Assert.That(result.Out, Does.StartWith("1 error(s)"));
            Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString(), Is.EqualTo("SAP3002"));
        });
    }

    [Test]
    public async Task Junit_format_is_xml_with_a_failed_case()
    {
        var result = await Validate("broken/MissingColumn.yaml", "clean", "--format", "junit");
        var xml = XDocument.Parse(result.Out);
        Assert.That(xml.Descendants("failure").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Warnings_fail_only_with_warnings_as_errors()
    {
        var rule = File.ReadAllText(Path.Combine(_work, "clean", "InstructionOverride.yaml"))
            .Replace("Content has_any (\"ignore previous instructions\", \"disregard the system prompt\")", "Content contains \"ignore previous instructions\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_work, "Contains.yaml"), rule);
        var lenient = await Validate("Contains.yaml");
        var strict = await Validate("Contains.yaml", "--warnings-as-errors");
        Assert.Multiple(() =>
        {
            Assert.That(lenient.Out, Does.Contain("warning SAP4500"));
            Assert.That(lenient.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(strict.ExitCode, Is.EqualTo(ExitCodes.Failures));
        });
    }

    [Test]
    public async Task A_missing_path_is_reported_not_thrown()
    {
        var result = await Validate("no/such/folder");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures));
            Assert.That(result.Out, Does.Contain("SAP5001"));
        });
    }

    [Test]
    public async Task Bad_format_value_is_a_usage_error()
    {
        var result = await Validate("clean", "--format", "xml");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
