namespace SentinelAiPack.Telemetry.SampleData.Scenarios;

/// <summary>Every attack scenario the generator can inject, by name.</summary>
public static class ScenarioCatalog
{
    /// <summary>Name that selects every scenario.</summary>
    public const string All = "all";

    public static IReadOnlyList<AttackScenario> Scenarios { get; } =
    [
        new DirectPromptInjection(),
        new RepeatedJailbreakAttempts(),
        new InjectionCampaign(),
        new IndirectInjectionRetrievedDocument(),
        new IndirectInjectionToolOutput(),
        new InjectionThenToolCall(),
        new InjectionThenSensitiveOutput(),
        new AsciiSmuggling(),
        new SystemPromptExtraction(),
        new PiiLeakInOutput(),
        new SecretLeakInOutput(),
        new HarmfulContentDelivered(),
        new HarmfulContentBlocked(),
        new PolicyViolationSpike(),
        new DefenderJailbreakAlerts(),
        new DefenderAgentAlerts(),
        new DefenderWalletAttack(),
        new ExternalEmailRecipient(),
        new SsrfMetadataAddress(),
        new PathTraversal(),
        new DestructiveToolAction(),
        new PaymentToolAction(),
        new PermissionChangeToolAction(),
        new ArgumentFromRetrievedContent(),
        new ReadThenSendExfiltration(),
        new FirstToolUse(),
        new OutputDriftAfterDeployment(),
        new OutputDriftWithoutDeployment(),
        new ModelHashMismatch(),
        new DeploymentByUnexpectedIdentity(),
        new ModelRegisteredWithoutIntegrityCheck(),
        new TrainingDataEgress(),
        new OffScheduleCompute(),
        new KeyListingUnexpectedIdentity(),
        new RegistryWriteUnexpectedIdentity(),
        new DatasetModifiedBeforeTraining(),
        new ModelScanMalware(),
        new CrossUserRetrieval(),
        new KnowledgeBasePoisoning(),
        new RetrievalEnumeration(),
    ];

    public static AttackScenario? Find(string name) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves requested names (or "all") to scenarios in catalog order, without duplicates; unknown names are returned
    /// separately so the caller can report them.
    /// </summary>
    public static (IReadOnlyList<AttackScenario> Scenarios, IReadOnlyList<string> Unknown) Resolve(IEnumerable<string> names)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (string.Equals(name, All, StringComparison.OrdinalIgnoreCase))
            {
                wanted.UnionWith(Scenarios.Select(s => s.Name));
            }
            else if (Find(name) is { } scenario)
            {
                wanted.Add(scenario.Name);
            }
            else
            {
                unknown.Add(name);
            }
        }

        return ([.. Scenarios.Where(s => wanted.Contains(s.Name))], unknown);
    }
}
