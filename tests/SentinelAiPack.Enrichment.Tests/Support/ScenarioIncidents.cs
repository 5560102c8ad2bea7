namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// Incidents for generated attack scenarios, built from <c>scenarios.json</c> as the pack's rules would raise them:
/// conversation rules carry SessionId/ConversationId custom details and the Account; the campaign rule the payload
/// hash (PayloadHash) with every account; model rules Deployment/Endpoint, the deployer's Account and IP.
/// </summary>
public static class ScenarioIncidents
{
    /// <summary>Scenarios whose incidents go to the model-integrity enricher.</summary>
    public static readonly string[] ModelScenarios = ["model-hash-mismatch", "deployment-by-unexpected-identity", "output-drift-after-deployment"];

    public static string Add(EnrichmentBed bed, GeneratedTenant tenant, string scenario)
    {
        var markers = tenant.Markers(scenario);
        var at = tenant.At(scenario);
        var details = new Dictionary<string, IReadOnlyList<string>>();
        switch (scenario)
        {
            case "injection-campaign-across-users":
                // As PromptInjectionCampaignAcrossUsers: the payload hash and the users, no session.
                details["PayloadHash"] = [markers["contentSha256"]];
                return IncidentFactory.Add(bed.Incidents, "Same injection payload from several users", at, at.AddMinutes(60), details, markers["users"].Split(','));

            case "model-hash-mismatch":
                details["Deployment"] = [markers["deployment"]];
                details["Endpoint"] = [markers["endpoint"]];
                return IncidentFactory.Add(bed.Incidents, "Deployed model artifact does not match the registry", at.AddMinutes(70), at.AddMinutes(70), details);
            case "deployment-by-unexpected-identity":
                details["Deployment"] = [markers["deployment"]];
                return IncidentFactory.Add(bed.Incidents, "Model deployment by an identity outside the pipeline", at, at.AddMinutes(5), details, [markers["user"]], [markers["callerIp"]]);
            case "output-drift-after-deployment":
                details["Deployment"] = [markers["deployment"]];
                return IncidentFactory.Add(bed.Incidents, "Model output drift after a deployment", at.AddHours(3), at.AddHours(4), details);
            default:
                details["SessionId"] = [markers["sessionId"]];
                details["ConversationId"] = [markers["conversationId"]];
                return IncidentFactory.Add(bed.Incidents, $"Prompt injection ({scenario})", at, at.AddMinutes(10), details, [markers["user"]]);
        }
    }

    /// <summary>Runs the enricher that serves <paramref name="scenario"/>'s incidents.</summary>
    public static Task<Writing.EnrichmentOutcome> EnrichAsync(EnrichmentBed bed, string scenario, string incidentId) =>
        ModelScenarios.Contains(scenario)
            ? bed.IntegrityEnricher.EnrichAsync(EnrichmentBed.ArmId(incidentId))
            : bed.ConversationEnricher.EnrichAsync(EnrichmentBed.ArmId(incidentId));
}
