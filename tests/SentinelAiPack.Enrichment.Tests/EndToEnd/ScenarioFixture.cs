using SentinelAiPack.Enrichment.Tests.Support;

namespace SentinelAiPack.Enrichment.Tests.EndToEnd;

/// <summary>
/// Generated traffic with the attack scenarios the end-to-end tests enrich, the local engine answering the fake query
/// API, and the loopback fakes. Built once for the end-to-end fixtures.
/// </summary>
public sealed class ScenarioFixture : IAsyncDisposable
{
    public static readonly string[] Scenarios =
    [
        "direct-prompt-injection",
        "indirect-injection-retrieved-document",
        "indirect-injection-tool-output",
        "injection-then-tool-call",
        "injection-then-sensitive-output",
        "injection-campaign-across-users",
        "model-hash-mismatch",
        "deployment-by-unexpected-identity",
        "output-drift-after-deployment",
    ];

    private ScenarioFixture(GeneratedTenant tenant, EngineExecutor executor, EnrichmentBed bed)
    {
        Tenant = tenant;
        Executor = executor;
        Bed = bed;
    }

    public GeneratedTenant Tenant { get; }

    public EngineExecutor Executor { get; }

    public EnrichmentBed Bed { get; }

    public static async Task<ScenarioFixture> StartAsync(int users = 120, Func<EnrichmentOptions, EnrichmentOptions>? configure = null)
    {
        var tenant = GeneratedTenant.Create(Scenarios, users);
        var executor = new EngineExecutor(AnalyzerHost.Engine, PackSchemaSet.Schemas, tenant.Tables, tenant.End);
        // Two days of traffic: a short deployment window leaves the first day as the deployer baseline.
        var bed = await EnrichmentBed.StartAsync(executor.Execute, o => WithShortWindows(configure?.Invoke(o) ?? o));
        return new ScenarioFixture(tenant, executor, bed);
    }

    private static EnrichmentOptions WithShortWindows(EnrichmentOptions o) => new()
    {
        Workspace = o.Workspace,
        LogAnalyticsWorkspaceId = o.LogAnalyticsWorkspaceId,
        RaiseSeverity = o.RaiseSeverity,
        InternalDomains = o.InternalDomains,
        AllowedPathPrefixes = o.AllowedPathPrefixes,
        Rendering = o.Rendering,
        DeploymentLookback = TimeSpan.FromHours(12),
        TranscriptLookback = TimeSpan.FromHours(12),
        RelatedSessionsLookback = TimeSpan.FromDays(2),
    };

    /// <summary>The incident the scenario's rule would raise.</summary>
    public string IncidentFor(string scenario) => ScenarioIncidents.Add(Bed, Tenant, scenario);

    public async ValueTask DisposeAsync()
    {
        await Bed.DisposeAsync();
        Tenant.Dispose();
    }
}
