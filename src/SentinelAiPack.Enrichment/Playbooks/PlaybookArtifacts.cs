using System.Text.Json.Nodes;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>What an artifact is, for packaging and deployment order.</summary>
public enum PlaybookArtifactKind
{
    /// <summary>The Function App (deploy first: the playbooks call it).</summary>
    FunctionApp,

    /// <summary>A Logic App playbook.</summary>
    Playbook,

    /// <summary>An automation rule that runs a playbook (deploy after the playbook and the analytics rules).</summary>
    AutomationRule,
}

/// <summary>One deployable file under <c>playbooks/</c>: path, kind, deployment order and the template.</summary>
public sealed record PlaybookArtifact(string RelativePath, PlaybookArtifactKind Kind, int Order, string DisplayName, JsonObject Template);

/// <summary>
/// Every artifact of <c>playbooks/</c>, generated here so the checked-in files, the build and the tests agree: the
/// Function App, the two enrichment playbooks, and the two automation rules that attach them to the pack's analytics
/// rules (chosen by <c>aipack.alertType</c>). <c>playbooks/artifacts.json</c> lists them for the build.
/// </summary>
public static class PlaybookArtifacts
{
    /// <summary>Playbook that runs the conversation-context enricher.</summary>
    public const string ConversationPlaybook = "AIPack-EnrichConversationContext";

    /// <summary>Playbook that runs the model-integrity enricher.</summary>
    public const string IntegrityPlaybook = "AIPack-EnrichModelIntegrity";

    /// <summary>Alert types whose incidents get the conversation-context enricher.</summary>
    public static IReadOnlyList<string> ConversationAlertTypes { get; } = ["PromptInjection", "OutputPolicyViolation", "AnomalousToolCall", "RagVectorStore", "DefenderForAI"];

    /// <summary>Alert types whose incidents get the model-integrity enricher.</summary>
    public static IReadOnlyList<string> IntegrityAlertTypes { get; } = ["ModelDrift"];

    // Fixed ids so a redeploy updates the same automation rules. A change to a template below needs a new release note
    // (its newest version is the template's version): the version lock fails the build otherwise.
    private static readonly Guid ConversationRuleId = new("5b0c8f2e-1d7a-4c3b-9e6f-2a4d8c1b7e01");
    private static readonly Guid IntegrityRuleId = new("5b0c8f2e-1d7a-4c3b-9e6f-2a4d8c1b7e02");

    /// <summary>The artifacts for the analytics rules in <paramref name="rules"/>.</summary>
    public static IReadOnlyList<PlaybookArtifact> Build(IEnumerable<AnalyticRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules
            .Where(r => r.Id?.Value is { Length: > 0 } && r.AiPack?.AlertType?.Value is { Length: > 0 })
            .Select(r => (Id: r.Id!.Value, AlertType: r.AiPack!.AlertType!.Value))
            .ToList();
        List<string> IdsFor(IReadOnlyList<string> types) =>
            [.. list.Where(r => types.Contains(r.AlertType, StringComparer.OrdinalIgnoreCase)).Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

        return
        [
            new("function-app/azuredeploy.json", PlaybookArtifactKind.FunctionApp, 1, "SentinelAiPack enrichment Function App", FunctionAppTemplate.Build()),
            new($"{ConversationPlaybook}/azuredeploy.json", PlaybookArtifactKind.Playbook, 2, ConversationPlaybook, EnrichmentPlaybookTemplate.Build(
                ConversationPlaybook, "EnrichConversationContext", "Enrich AI conversation incidents",
                "Answers the analyst guide's prompt-injection triage questions in an incident comment (direct or indirect, before or after tool calls, evidence of success, related sessions, same payload across users) and tags the incident by the guide's escalation criteria.",
                ["account", "ip", "cloudapplication"],
                [
                    new("1.1.0", "Caller identity", ["Runs as the Function App's user-assigned caller identity, the only identity the functions accept."]),
                    new("1.0.0", "Initial version", ["Runs the EnrichConversationContext enricher on every incident the automation rule selects."]),
                ])),
            new($"{IntegrityPlaybook}/azuredeploy.json", PlaybookArtifactKind.Playbook, 2, IntegrityPlaybook, EnrichmentPlaybookTemplate.Build(
                IntegrityPlaybook, "EnrichModelIntegrity", "Enrich AI model drift and integrity incidents",
                "Compares the deployed model's SHA-256 with the registry, lists deployment changes with who made them and tells whether output became more or less restrictive, in an incident comment with tags.",
                ["azureresource", "account"],
                [
                    new("1.1.0", "Caller identity", ["Runs as the Function App's user-assigned caller identity, the only identity the functions accept."]),
                    new("1.0.0", "Initial version", ["Runs the EnrichModelIntegrity enricher on every incident the automation rule selects."]),
                ])),
            new("automation-rules/AIPack-RunConversationContext.json", PlaybookArtifactKind.AutomationRule, 3, "Run AIPack-EnrichConversationContext",
                AutomationRuleTemplate.Build(ConversationRuleId, "SentinelAiPack: enrich AI conversation incidents", ConversationPlaybook, 100, IdsFor(ConversationAlertTypes),
                    [new("1.0.0", "Initial version", ["Runs AIPack-EnrichConversationContext on incidents of the pack's conversation rules."])])),
            new("automation-rules/AIPack-RunModelIntegrity.json", PlaybookArtifactKind.AutomationRule, 3, "Run AIPack-EnrichModelIntegrity",
                AutomationRuleTemplate.Build(IntegrityRuleId, "SentinelAiPack: enrich AI model drift and integrity incidents", IntegrityPlaybook, 101, IdsFor(IntegrityAlertTypes),
                    [new("1.0.0", "Initial version", ["Runs AIPack-EnrichModelIntegrity on incidents of the pack's model drift rules."])])),
        ];
    }

    /// <summary>The listing written to <c>playbooks/artifacts.json</c>: path, kind, order, name, in deployment order.</summary>
    public static JsonObject Listing(IReadOnlyList<PlaybookArtifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        return new JsonObject
        {
            ["description"] = "Deployable templates of playbooks/, in deployment order. Generated by SentinelAiPack.Enrichment.Playbooks.PlaybookArtifacts; do not edit by hand.",
            ["artifacts"] = new JsonArray(artifacts.OrderBy(a => a.Order).ThenBy(a => a.RelativePath, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["path"] = a.RelativePath,
                ["kind"] = a.Kind.ToString(),
                ["order"] = a.Order,
                ["displayName"] = a.DisplayName,
            }).ToArray()),
        };
    }

    /// <summary>Writes every artifact and the listing under <paramref name="playbooksFolder"/>.</summary>
    public static void Write(string playbooksFolder, IReadOnlyList<PlaybookArtifact> artifacts)
    {
        foreach (var artifact in artifacts)
        {
            var path = Path.Combine(playbooksFolder, artifact.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, ArmJson.Write(artifact.Template));
        }

        File.WriteAllText(Path.Combine(playbooksFolder, "artifacts.json"), ArmJson.Write(Listing(artifacts)));
    }

    /// <summary>The text a generated file must have (for drift checks).</summary>
    public static string Text(JsonNode template) => ArmJson.Write(template);
}
