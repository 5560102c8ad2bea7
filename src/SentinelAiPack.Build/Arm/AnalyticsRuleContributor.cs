using SentinelAiPack.Build.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// Analytics rules as <c>Microsoft.OperationalInsights/workspaces/providers/alertRules</c> (the type Sentinel
/// Repositories recognises as AnalyticsRule), named by the rule id so a redeploy updates the same rule, linked to its
/// template (<c>alertRuleTemplateName</c>, <c>templateVersion</c>) so Sentinel shows template updates.
/// </summary>
public sealed class AnalyticsRuleContributor : IArtifactContributor
{
    public IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var item in content.Rules.OrderBy(i => i.AlertTypeFolder, StringComparer.Ordinal).ThenBy(i => i.Stem, StringComparer.Ordinal))
        {
            var rule = item.Rule!;
            var properties = AlertRuleProperties.ForRule(rule, item.Key, out var problem);
            var templateProperties = AlertRuleProperties.ForTemplate(rule, out _);
            if (properties is null || templateProperties is null || !Guid.TryParse(item.Key, out _))
            {
                diagnostics.Add(BuildCodes.NotConvertible.Create(item.Item.FilePath, rule.KindText?.Span ?? new SourceSpan(1, 1),
                    $"Analytics rule '{item.DisplayName}' was left out of the build: {problem ?? "its id is not a GUID"}."));
                continue;
            }
            var kind = rule.RuleKind!.Value.ToString();
            var resource = new JsonObject
            {
                ["type"] = ApiVersions.AlertRuleType,
                ["apiVersion"] = AlertRuleProperties.ApiVersionFor(rule),
                ["name"] = ArmTemplate.SentinelResourceName(item.Key),
                ["kind"] = kind,
                ["properties"] = properties,
            };
            var template = new JsonObject
            {
                ["type"] = ApiVersions.AlertRuleTemplateType,
                ["apiVersion"] = ApiVersions.AlertRuleTemplates,
                ["name"] = item.Key,
                ["kind"] = kind,
                ["location"] = "[parameters('workspace-location')]",
                ["properties"] = templateProperties,
            };
            yield return new ArtifactContribution
            {
                Key = item.Key,
                DisplayName = item.DisplayName,
                Step = DeploymentStep.AnalyticsRules,
                FileName = $"{ArtifactFile.SafeName(item.AlertTypeFolder)}/{ArtifactFile.SafeName(item.Stem)}.json",
                Template = ArmTemplate.Create($"Microsoft Sentinel analytics rule '{item.DisplayName}', version {item.Version}.", [resource]),
                Item = item,
                Solution = new SolutionContent(
                    "AnalyticsRule",
                    item.Key,
                    item.Version ?? "1.0.0",
                    "ar",
                    template,
                    $"[resourceId('{ApiVersions.AlertRuleTemplateType}', {ArmTemplate.Quote(item.Key)})]"),
            };
        }
    }
}
