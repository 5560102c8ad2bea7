using System.Security.Cryptography;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Telemetry.SampleData.Scenarios;

namespace SentinelAiPack.Cli.Tests;

public class GenerateCommandTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("aipack-generate-").FullName;

    [TearDown]
    public void DeleteDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task List_scenarios_prints_every_name_and_description()
    {
        var result = await CliRunner.RunAsync(_dir, "generate", "--list-scenarios");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(ScenarioCatalog.Scenarios.Count));
        foreach (var scenario in ScenarioCatalog.Scenarios)
        {
            Assert.That(lines.Any(l => l.StartsWith(scenario.Name + " ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(scenario.Description, StringComparison.Ordinal)), Is.True, scenario.Name);
        }
    }

    [Test]
    public async Task Generate_writes_one_file_per_table_and_reports_the_scenarios()
    {
        var result = await CliRunner.RunAsync(_dir, "generate", "--out", "data", "--users", "30", "--days", "1", "--seed", "9",
            "--scenario", "payment-tool-action", "--scenario", "ssrf-metadata-address");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(Directory.EnumerateFiles(Path.Combine(_dir, "data"), "*.jsonl").Count(), Is.GreaterThanOrEqualTo(45));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "data", "AIToolCall_CL.jsonl")), Does.Contain("LT00TEST9999999999"));
        Assert.That(result.Out, Does.Contain("Wrote ").And.Contain("to data (30 users, 2025-06-30 to 2025-07-01, seed 9)")
            .And.Contain("injected payment-tool-action at 2025-06-30").And.Contain("injected ssrf-metadata-address"));
    }

    [Test]
    public async Task Same_command_twice_gives_identical_files()
    {
        string[] args = ["generate", "--users", "25", "--seed", "3", "--end", "2024-12-01", "--scenario", "all", "--out"];
        await CliRunner.RunAsync(_dir, [.. args, "a"]);
        await CliRunner.RunAsync(_dir, [.. args, "b"]);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_dir, "a")))
        {
            var other = Path.Combine(_dir, "b", Path.GetFileName(file));
            Assert.That(SHA256.HashData(File.ReadAllBytes(other)), Is.EqualTo(SHA256.HashData(File.ReadAllBytes(file))), Path.GetFileName(file));
        }

        Assert.That(File.ReadAllText(Path.Combine(_dir, "a", "scenarios.json")), Does.Contain("\"end\": \"2024-12-01T00:00:00.000Z\""));
    }

    [TestCase(new[] { "generate", "--users", "30" }, "--out DIR is required")]
    [TestCase(new[] { "generate", "--out", "x", "--scenario", "no-such-attack" }, "unknown scenario 'no-such-attack' (see --list-scenarios)")]
    [TestCase(new[] { "generate", "--out", "x", "--users", "0" }, "--users must be between 1 and 1000000 (got 0)")]
    [TestCase(new[] { "generate", "--out", "x", "--end", "yesterday-ish" }, "--end 'yesterday-ish' is not a date")]
    [TestCase(new[] { "generate", "--out", "x", "--end", "2025-07-01T06:00:00Z" }, "--end must be a UTC midnight")]
    public async Task Bad_options_are_usage_errors_with_a_clear_message(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(_dir, args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
        Assert.That(result.Error, Does.StartWith("aipack: ").And.Contain(message));
        Assert.That(Directory.Exists(Path.Combine(_dir, "x")), Is.False);
    }

    [Test]
    public async Task A_non_number_is_rejected_by_the_parser()
    {
        var result = await CliRunner.RunAsync(_dir, "generate", "--out", "x", "--days", "two");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
        Assert.That(result.Error, Does.Contain("two"));
    }
}
