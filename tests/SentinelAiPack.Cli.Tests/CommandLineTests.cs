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
}
