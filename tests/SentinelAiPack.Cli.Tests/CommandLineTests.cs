using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Tests;

public class CommandLineTests
{
    [Test]
    public async Task Help_lists_usage_and_exits_zero()
    {
        var result = await CliRunner.RunAsync(Environment.CurrentDirectory, "--help");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Out, Does.Contain("aipack"));
        });
    }

    [Test]
    public async Task Unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var result = await CliRunner.RunAsync(Environment.CurrentDirectory, "no-such-command");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(result.Error, Does.Contain("no-such-command"));
        });
    }

    [Test]
    public async Task Version_prints_the_tool_and_the_bundled_analyzer_versions()
    {
        var result = await CliRunner.RunAsync(Environment.CurrentDirectory, "--version");
        var pinned = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.Repository.RepositoryPaths.Root, "package.json")))
            .RootElement.GetProperty("dependencies").GetProperty("@kusto/language-service-next").GetString();
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(lines[0], Does.Match(@"^aipack \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?( \([0-9a-f]+\))?$"));
            Assert.That(lines[0], Does.StartWith("aipack " + ToolVersion.Current));
            Assert.That(lines[1], Is.EqualTo($"KQL analyzer: @kusto/language-service-next {pinned} (Kusto.Language)"));
        });
    }
}
