using System.Text.Json;
using System.Xml.Linq;
using SentinelAiPack.TestSupport.Repository;
using SentinelAiPack.TestSupport.Tools;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// ci/aipack-ci.sh, the script the GitHub Action, the reusable workflow and the Azure DevOps template run, end to end
/// on the sample customer repository (Azure-Sentinel layout, no aipack.yaml) with the tool this build made, as GitHub
/// runs it (job summary and step outputs files). .ci/run runs it once more installing the packed tool from a folder feed.
/// </summary>
public sealed class ActionScriptTests
{
    private string _root = null!;
    private string _summary = null!;
    private string _outputs = null!;

    [SetUp]
    public void Copy()
    {
        _root = Path.Combine(Path.GetTempPath(), "aipack-action-" + Guid.NewGuid().ToString("N"));
        CustomerRepositoryTests.CopyFolder(RepositoryPaths.CustomerRepository, _root);
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        _summary = Path.Combine(_root, "..", Path.GetFileName(_root) + "-summary.md");
        _outputs = Path.Combine(_root, "..", Path.GetFileName(_root) + "-outputs.txt");
    }

    [TearDown]
    public void Delete()
    {
        Directory.Delete(_root, recursive: true);
        File.Delete(_summary);
        File.Delete(_outputs);
    }

    private ToolResult RunScript(bool runTests = false) => ExternalTool.Run("bash", [Path.Combine(RepositoryPaths.Root, "ci", "aipack-ci.sh")], _root, TimeSpan.FromMinutes(10), new Dictionary<string, string>
    {
        ["AIPACK_TOOL"] = Path.Combine(AppContext.BaseDirectory, "aipack.dll"),
        ["AIPACK_WORKING_DIRECTORY"] = _root,
        ["AIPACK_RUN_TESTS"] = runTests ? "true" : "false",
        ["GITHUB_STEP_SUMMARY"] = _summary,
        ["GITHUB_OUTPUT"] = _outputs,
    });

    private Dictionary<string, string> Outputs() =>
        File.ReadAllLines(_outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Test]
    public void A_clean_repository_passes_with_reports_summary_and_outputs()
    {
        var run = RunScript(runTests: true);
        var summary = File.ReadAllText(_summary);
        var outputs = Outputs();
        var tests = XDocument.Load(Path.Combine(_root, "aipack-tests.xml"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("KQL analyzer: @kusto/language-service-next"));
            Assert.That(summary, Does.Contain("## aipack validate: passed").And.Contain("**0 error(s), 0 warning(s) in 5 file(s), 5 item(s)"));
            Assert.That(summary, Does.Contain("## aipack test: passed").And.Contain("1 passed, 0 failed"));
            Assert.That(outputs["validate-result"], Is.EqualTo("passed"));
            Assert.That(outputs["test-result"], Is.EqualTo("passed"));
            Assert.That(outputs["sarif-file"], Is.EqualTo(Path.Combine(_root, "aipack.sarif")));
            Assert.That(File.Exists(Path.Combine(_root, "aipack-validate.xml")), Is.True);
            Assert.That(tests.Descendants("testcase").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Findings_fail_the_step_but_the_sarif_report_and_the_summary_are_still_written()
    {
        File.WriteAllText(Path.Combine(_root, "Detections", "AzureActivity", "Broken.yaml"), "id: 1\nname: Broken\nseverity: Severe\nquery: ''\n");
        var run = RunScript();
        var summary = File.ReadAllText(_summary);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "aipack.sarif")));
        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(summary, Does.Contain("## aipack validate: failed").And.Contain("<details><summary>Findings</summary>").And.Contain("Broken.yaml"));
            Assert.That(Outputs()["validate-result"], Is.EqualTo("failed"));
            Assert.That(uris, Is.EqualTo(new[] { "Detections/AzureActivity/Broken.yaml" }));
        });
    }

    [Test]
    public void Paths_may_name_folders_with_spaces_one_per_line()
    {
        var run = ExternalTool.Run("bash", [Path.Combine(RepositoryPaths.Root, "ci", "aipack-ci.sh")], _root, TimeSpan.FromMinutes(10), new Dictionary<string, string>
        {
            ["AIPACK_TOOL"] = Path.Combine(AppContext.BaseDirectory, "aipack.dll"),
            ["AIPACK_PATHS"] = "Solutions/Contoso AI Gateway\n  Detections  \n",
            ["GITHUB_STEP_SUMMARY"] = _summary,
        });
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(File.ReadAllText(_summary), Does.Contain("0 error(s), 0 warning(s) in 4 file(s), 4 item(s)"));
        });
    }
}
