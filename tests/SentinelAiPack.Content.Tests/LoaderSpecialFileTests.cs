using System.Diagnostics;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;

namespace SentinelAiPack.Content.Tests;

/// <summary>Only regular files are read: a FIFO, socket or device named *.yaml is reported (SAP5013), never opened.</summary>
public class LoaderSpecialFileTests
{
    private const string ValidRule = """
        id: 0b9b6f43-5a3b-4a0b-9d1e-4b1f3c2d9e10
        name: Test rule
        description: A rule.
        severity: Medium
        requiredDataConnectors: []
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          SigninLogs
          | take 1
        version: 1.0.0
        kind: Scheduled
        """;

    [Test]
    public void A_fifo_named_yaml_is_reported_and_the_other_files_still_load()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("FIFOs in the file system are a Unix feature.");
        }

        using var folder = new TempFolder();
        folder.Write("analytics/good.yaml", ValidRule);
        var fifo = Path.Combine(folder.Path, "analytics", "pipe.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { RedirectStandardError = true })!)
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
        }

        var load = Task.Run(() => ContentLoader.Load([folder.Path]));
        var finished = load.Wait(TimeSpan.FromSeconds(30));
        if (!finished)
        {
            // Release the blocked reader (a writer opening the FIFO), then fail.
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        Assert.That(finished, Is.True, "loading blocked on the FIFO");
        var diagnostics = load.Result.Diagnostics;
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { LoadingCodes.NotRegularFile.Code }), string.Join("\n", diagnostics));
            Assert.That(diagnostics[0].FilePath, Is.EqualTo(fifo));
            Assert.That(diagnostics[0].Message, Does.Contain("is a FIFO (named pipe), not a regular file"));
            Assert.That(load.Result.AnalyticRules.Select(r => r.Name?.Value), Is.EqualTo(new[] { "Test rule" }));
        });
    }

    [Test]
    public void A_device_given_as_a_path_is_reported()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Ignore("No /dev/zero on this platform.");
        }

        var diagnostics = ContentLoader.LoadFile("/dev/zero").Diagnostics;
        Assert.That(diagnostics.Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { (LoadingCodes.NotRegularFile.Code, "'/dev/zero' is a character device, not a regular file; it was not read.") }));
    }

    [Test]
    public void An_empty_regular_file_is_still_an_empty_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.yaml", string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(FileKind.NotRegular(path), Is.Null);
            Assert.That(ContentLoader.LoadFile(path).Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { LoadingCodes.EmptyFile.Code }));
        });
    }
}
