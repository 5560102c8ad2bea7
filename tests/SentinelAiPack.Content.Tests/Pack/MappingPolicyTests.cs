using System.Text.RegularExpressions;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// Mappings mean what the frameworks say (detections/README.md, "Mappings"): an id is only as good as its fit with
/// the technique's definition. Ids that exist but are wrong for a rule are not caught by SAP1042; these checks are.
/// </summary>
public partial class MappingPolicyTests
{
    private static string Stem(DetectionTemplate item) => Path.GetFileNameWithoutExtension(item.FilePath);

    private static IEnumerable<string> Atlas(DetectionTemplate item) => (item.AiPack?.Atlas ?? []).Select(a => a.Value.Trim().ToUpperInvariant());

    private static IEnumerable<string> Owasp(DetectionTemplate item) => (item.AiPack?.Owasp ?? []).Select(o => o.Value.Trim().ToUpperInvariant());

    private static IEnumerable<string> Techniques(DetectionTemplate item) =>
        (item.RelevantTechniques?.Value ?? []).Select(t => t.Value.Trim().ToUpperInvariant());

    /// <summary>
    /// LLM05:2025 Improper Output Handling is about model output passed to other components without validation
    /// (rendered markdown and HTML, SQL, shell, tool arguments), not about harmful or policy-violating answers.
    /// </summary>
    [Test]
    public void Llm05_only_on_rules_about_output_rendered_or_passed_downstream()
    {
        var misused = PackRules.RulesAndHunting
            .Where(i => Owasp(i).Contains("LLM05:2025") && !DownstreamOutput().IsMatch(i.Name!.Value))
            .Select(Stem).ToList();

        Assert.That(misused, Is.Empty);
    }

    /// <summary>
    /// AML.T0058 Publish Poisoned Models is an adversary publishing a model to a public registry or code repository;
    /// writes to your own registry or workspace are AI supply chain (AML.T0010.003) or model manipulation (AML.T0018).
    /// </summary>
    [Test]
    public void Publish_poisoned_models_is_not_used_for_internal_registry_writes()
    {
        var misused = PackRules.RulesAndHunting.Where(i => Atlas(i).Contains("AML.T0058")).Select(Stem).ToList();

        Assert.That(misused, Is.Empty);
    }

    /// <summary>AML.T0081 Modify AI Agent Configuration is about agent configuration (prompts, tools, knowledge sources, plugins).</summary>
    [Test]
    public void Modify_agent_configuration_only_on_agent_configuration_rules()
    {
        var misused = PackRules.RulesAndHunting
            .Where(i => Atlas(i).Contains("AML.T0081") && !AgentConfiguration().IsMatch(i.Name!.Value))
            .Select(Stem).ToList();

        Assert.That(misused, Is.Empty);
    }

    /// <summary>AML.T0020 Poison Training Data needs training data in the picture; a compute scale-out alone is cost harvesting.</summary>
    [Test]
    public void Compute_anomalies_are_not_mapped_to_training_data_poisoning()
    {
        Assert.That(Atlas(PackRules.Rule("TrainingComputeScaleOrSkuAnomaly")), Does.Not.Contain("AML.T0020"));
    }

    [TestCase("AgentToolRequestToInternalOrMetadataAddress", "T1552.005")]
    [TestCase("DefenderAISuspiciousAccessWithAgentActivity", "T1090.003")]
    [TestCase("ContentFilterChangedOutsidePipeline", "T1562.001")]
    [TestCase("TrainingComputeScaleOrSkuAnomaly", "T1496.001")]
    [TestCase("AiKeyOrSecretListingByUnexpectedIdentity", "T1555.006")]
    [TestCase("DeployedModelHashMismatch", "T1565.001")]
    [TestCase("RagKnowledgeBaseWriteWithInjection", "T1565.001")]
    [TestCase("AgentFileToolPathOutsideScope", "T1552.001")]
    public void Rule_uses_the_attack_sub_technique_that_fits(string stem, string subTechnique) =>
        Assert.That(Techniques(PackRules.Rule(stem)), Does.Contain(subTechnique));

    [GeneratedRegex(@"(?i)(render|downstream|markdown|link|HTML|script|SQL|unsafe output)")]
    private static partial Regex DownstreamOutput();

    [GeneratedRegex(@"(?i)(agent|plugin|MCP|Copilot|tool)")]
    private static partial Regex AgentConfiguration();
}
