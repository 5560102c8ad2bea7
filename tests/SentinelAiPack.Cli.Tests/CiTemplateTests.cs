using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Repository;
using SentinelAiPack.TestSupport.Tools;
using YamlDotNet.RepresentationModel;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// The CI templates customers use: the composite action (action.yml) and the reusable workflow are checked against
/// GitHub's schemas with action-validator (npm @action-validator/cli, restored by the build); the Azure DevOps steps
/// template, for which no schema validator is published on a registry, structurally (keys, tasks and their required
/// inputs, parameter references); and all three against the one script they run, ci/aipack-ci.sh.
/// </summary>
public sealed partial class CiTemplateTests
{
    private static string Root => RepositoryPaths.Root;

    private static IEnumerable<string> GitHubFiles() =>
        new[] { "action.yml" }.Concat(Directory.GetFiles(Path.Combine(Root, ".github", "workflows"), "*.yml").Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal));

    [TestCaseSource(nameof(GitHubFiles))]
    public void GitHub_file_passes_the_schema_validator(string relative)
    {
        var result = ExternalTool.Run(ExternalTool.NodeBin("action-validator"), [Path.Combine(Root, relative)], Root);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public void The_schema_validator_rejects_a_broken_action()
    {
        var broken = Path.Combine(Path.GetTempPath(), "aipack-broken-" + Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(Root, "action.yml")).Replace("using: composite", "using: compost", StringComparison.Ordinal));
        try
        {
            var result = ExternalTool.Run(ExternalTool.NodeBin("action-validator"), [broken], Root);
            Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static YamlMappingNode Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, relative)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode? Get(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Text(YamlNode? node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static IReadOnlyList<string> Keys(YamlNode? node) => node is YamlMappingNode map ? [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)] : [];

    /// <summary>The environment variables ci/aipack-ci.sh documents in its header.</summary>
    private static IReadOnlySet<string> ScriptVariables() =>
        ScriptVariable().Matches(File.ReadAllText(Path.Combine(Root, "ci", "aipack-ci.sh"))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [Test]
    public void The_action_runs_the_script_with_documented_variables_and_declares_every_input_it_uses()
    {
        var action = Load("action.yml");
        var declared = Keys(Get(action, "inputs"));
        var text = File.ReadAllText(Path.Combine(Root, "action.yml"));
        var used = InputReference().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var steps = ((YamlSequenceNode)Get(Get(action, "runs")!, "steps")!).Children;
        var run = steps.Single(s => Text(Get(s, "id")) == "aipack");
        Assert.Multiple(() =>
        {
            Assert.That(Text(Get(Get(action, "runs")!, "using")), Is.EqualTo("composite"));
            Assert.That(used, Is.SubsetOf(declared), "inputs used but not declared");
            Assert.That(declared, Is.SubsetOf(used), "inputs declared but never used");
            Assert.That(Text(Get(run, "run")), Does.Contain("$GITHUB_ACTION_PATH/ci/aipack-ci.sh"));
            Assert.That(Keys(Get(run, "env")), Is.SubsetOf(ScriptVariables()));
            Assert.That(steps.Select(s => Text(Get(s, "uses"))), Does.Contain("github/codeql-action/upload-sarif@v3"));
            Assert.That(Text(Get(steps.Single(s => Text(Get(s, "uses")).StartsWith("github/codeql-action", StringComparison.Ordinal)), "if")), Does.Contain("always()"),
                "the SARIF is uploaded when validation fails too");
        });
    }

    [Test]
    public void The_reusable_workflow_passes_its_inputs_to_the_action_it_checks_out()
    {
        var workflow = Load(".github/workflows/aipack.yml");
        var inputs = Keys(Get(Get(Get(workflow, "on")!, "workflow_call")!, "inputs"));
        var steps = ((YamlSequenceNode)Get(Get(Get(workflow, "jobs")!, "validate")!, "steps")!).Children;
        var checkout = steps.Single(s => Text(Get(Get(s, "with")!, "path")) == ".aipack-action");
        var action = steps.Single(s => Text(Get(s, "uses")) == "./.aipack-action");
        var actionInputs = Keys(Get(Load("action.yml"), "inputs"));
        Assert.Multiple(() =>
        {
            Assert.That(Text(Get(Get(checkout, "with")!, "repository")), Is.EqualTo("${{ inputs.aipack-repository }}"));
            Assert.That(Keys(Get(action, "with")), Is.SubsetOf(actionInputs));
            Assert.That(Keys(Get(action, "with")).Concat(["aipack-repository", "aipack-ref"]), Is.EquivalentTo(inputs));
            Assert.That(Keys(Get(Get(Get(workflow, "jobs")!, "validate")!, "permissions")), Does.Contain("security-events"));
        });
    }

    // The tasks the template may use and the inputs each requires (learn.microsoft.com/azure/devops/pipelines/tasks/reference).
    private static readonly Dictionary<string, string[]> KnownTasks = new(StringComparer.Ordinal)
    {
        ["UseDotNet@2"] = ["packageType", "version"],
        ["PublishTestResults@2"] = ["testResultsFormat", "testResultsFiles"],
        ["PublishPipelineArtifact@1"] = ["targetPath", "artifact"],
    };

    private static readonly string[] StepKinds = ["task", "bash", "script", "pwsh", "checkout", "template", "download", "publish"];

    private static readonly string[] StepProperties = ["displayName", "name", "condition", "continueOnError", "enabled", "env", "inputs", "timeoutInMinutes", "workingDirectory", "path", "clean", "fetchDepth", "persistCredentials", "submodules", "lfs"];

    private static IEnumerable<YamlMappingNode> Steps(YamlSequenceNode steps)
    {
        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            // A conditional insertion (${{ if ... }}: [steps]) holds steps of its own.
            if (step.Children.Count == 1 && ((YamlScalarNode)step.Children.Keys.Single()).Value!.StartsWith("${{", StringComparison.Ordinal))
            {
                foreach (var inner in Steps((YamlSequenceNode)step.Children.Values.Single()))
                {
                    yield return inner;
                }
                continue;
            }
            yield return step;
        }
    }

    [Test]
    public void The_azure_devops_template_is_a_well_formed_steps_template()
    {
        const string relative = "ci/azure-pipelines/aipack.yml";
        var template = Load(relative);
        var parameters = ((YamlSequenceNode)Get(template, "parameters")!).Children;
        var declared = parameters.Select(p => Text(Get(p, "name"))).ToList();
        var steps = Steps((YamlSequenceNode)Get(template, "steps")!).ToList();
        var used = ParameterReference().Matches(File.ReadAllText(Path.Combine(Root, relative))).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Keys(template), Is.EquivalentTo(new[] { "parameters", "steps" }));
            foreach (var parameter in parameters)
            {
                Assert.That(Keys(parameter), Is.SubsetOf(new[] { "name", "displayName", "type", "default", "values" }));
                Assert.That(Text(Get(parameter, "type")), Is.AnyOf("string", "boolean", "number", "object"));
                Assert.That(Get(parameter, "default"), Is.Not.Null, Text(Get(parameter, "name")) + " needs a default so the three-line use works");
            }
            Assert.That(used, Is.SubsetOf(declared), "parameters referenced but not declared");
            Assert.That(declared, Is.SubsetOf(used), "parameters declared but never used");
            foreach (var step in steps)
            {
                var kinds = Keys(step).Intersect(StepKinds).ToList();
                Assert.That(kinds, Has.Count.EqualTo(1), "each step is exactly one of " + string.Join(", ", StepKinds));
                Assert.That(Keys(step).Except(kinds), Is.SubsetOf(StepProperties));
                if (kinds[0] == "task")
                {
                    var task = Text(Get(step, "task"));
                    Assert.That(KnownTasks.ContainsKey(task), Is.True, $"unknown task {task}");
                    Assert.That(Keys(Get(step, "inputs")), Is.SupersetOf(KnownTasks.GetValueOrDefault(task) ?? []), task);
                }
                if (Get(step, "condition") is { } condition)
                {
                    Assert.That(Text(condition), Does.Match(@"^(succeededOrFailed|always|succeeded|failed)\(\)$"));
                }
            }
            var publishTests = steps.Single(s => Text(Get(s, "task")) == "PublishTestResults@2");
            var publishSarif = steps.Single(s => Text(Get(s, "task")) == "PublishPipelineArtifact@1");
            var run = steps.Single(s => Text(Get(s, "bash")).Contains("ci/aipack-ci.sh", StringComparison.Ordinal));
            Assert.That(Text(Get(Get(publishTests, "inputs")!, "testResultsFormat")), Is.EqualTo("JUnit"));
            Assert.That(Text(Get(Get(publishTests, "inputs")!, "testResultsFiles")), Does.Contain(Text(Get(Get(run, "env")!, "AIPACK_JUNIT"))).And.Contain(Text(Get(Get(run, "env")!, "AIPACK_TEST_JUNIT"))));
            Assert.That(Text(Get(Get(publishSarif, "inputs")!, "artifact")), Is.EqualTo("CodeAnalysisLogs"));
            Assert.That(Text(Get(Get(publishSarif, "inputs")!, "targetPath")), Does.EndWith("/" + Text(Get(Get(run, "env")!, "AIPACK_SARIF"))));
            Assert.That(Keys(Get(run, "env")), Is.SubsetOf(ScriptVariables()));
        });
    }

    [GeneratedRegex(@"^#\s+(AIPACK_[A-Z_]+)\s", RegexOptions.Multiline)]
    private static partial Regex ScriptVariable();

    [GeneratedRegex(@"\binputs\.([a-z-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bparameters\.([A-Za-z]+)")]
    private static partial Regex ParameterReference();
}
