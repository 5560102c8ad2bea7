using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Tests;

/// <summary>A mistyped command line is a usage error (exit 2) that says what to type, never a content failure (exit 1).</summary>
public sealed class UsageErrorTests
{
    private static readonly Lazy<string> EmptyRepository = new(() =>
    {
        // An empty repository of its own: nothing found above it, whatever the temp folder holds.
        var folder = Directory.CreateTempSubdirectory("aipack-usage-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        return folder;
    });

    private static string Folder => EmptyRepository.Value;

    [TestCase(new[] { "validate", "--warnings-as-error" }, "unknown option '--warnings-as-error' for 'aipack validate'; did you mean '--warnings-as-errors'?")]
    [TestCase(new[] { "validate", "--formt", "sarif" }, "unknown option '--formt' for 'aipack validate'; did you mean '--format'?")]
    [TestCase(new[] { "validate", "--output=x.sarif", "--formt=sarif" }, "unknown option '--formt' for 'aipack validate'; did you mean '--format'?")]
    [TestCase(new[] { "validat" }, "unknown command 'validat'; did you mean 'validate'?")]
    [TestCase(new[] { "tset", "detections" }, "unknown command 'tset'; did you mean 'test'?")]
    [TestCase(new[] { "workbook", "previw", "x" }, "unknown command 'previw' for 'aipack workbook'; did you mean 'preview'?")]
    [TestCase(new[] { "test", "--fail-on-skiped" }, "unknown option '--fail-on-skiped' for 'aipack test'; did you mean '--fail-on-skipped'?")]
    [TestCase(new[] { "validate", "--zzzz" }, "unknown option '--zzzz' for 'aipack validate'.")]
    public async Task A_mistyped_command_line_exits_2_with_a_suggestion(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(Folder, args);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError), result.ToString());
            Assert.That(lines[0], Is.EqualTo("aipack: " + expected));
            Assert.That(result.Error, Does.Not.Contain("SAP5001").And.Not.Contain("Required command"));
            Assert.That(lines[^1], Does.StartWith("Run 'aipack").And.EndWith("--help' for usage."));
            Assert.That(result.Out, Is.Empty);
        });
    }

    [Test]
    public async Task No_command_lists_the_commands()
    {
        var result = await CliRunner.RunAsync(Folder);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(result.Error, Does.StartWith("aipack: no command given; one of: init, validate, test, run"));
        });
    }

    [Test]
    public async Task A_path_that_starts_with_a_dash_goes_after_double_dash()
    {
        var result = await CliRunner.RunAsync(Folder, "validate", "--", "-no-such-file.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failures), result.ToString());
            Assert.That(result.Out, Does.Contain("SAP5001"));
        });
    }

    [Test]
    public async Task Run_without_data_says_no_data_was_loaded()
    {
        var result = await CliRunner.RunAsync(Folder, "run", "print x = 1");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.ToString());
            Assert.That(result.Error, Does.Contain("aipack run: no data was loaded (no --data DIR): every table is empty."));
        });
    }

    [Test]
    public async Task Run_with_an_empty_data_folder_says_no_data_was_loaded()
    {
        var empty = Directory.CreateTempSubdirectory("aipack-empty-data-");
        try
        {
            var result = await CliRunner.RunAsync(Folder, "run", "print x = 1", "--data", empty.FullName);
            Assert.That(result.Error, Does.Contain("no data was loaded: " + empty.FullName + " holds no table files"));
        }
        finally
        {
            empty.Delete();
        }
    }
}
