using SentinelAiPack.Azure.Http;
using SentinelAiPack.Azure.Ingestion;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.MachineLearning;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.ModelIntegrity;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Identity;
using SentinelAiPack.TestSupport.Ingestion;
using SentinelAiPack.TestSupport.LogAnalytics;
using SentinelAiPack.TestSupport.MachineLearning;
using SentinelAiPack.TestSupport.Sentinel;
using SentinelAiPack.TestSupport.Time;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// The enrichers wired to loopback HTTPS fakes of the Sentinel incidents, Log Analytics query, Logs Ingestion and model
/// management APIs, with a fake credential and a virtual clock for retry waits.
/// </summary>
public sealed class EnrichmentBed : IAsyncDisposable
{
    public const string SubscriptionId = "d0cfe6b2-9ac0-4464-9919-dccaee2e48c0";
    public const string ResourceGroup = "soc-rg";
    public const string WorkspaceName = "soc-workspace";
    public const string WorkspaceId = "5cbf42cc-e245-4024-9b43-04b70f6380cb";

    private EnrichmentBed(LoopbackHttpsServer server, Fakes fakes, EnrichmentOptions options, AzureResilienceOptions? resilience)
    {
        Server = server;
        Logs = fakes.Logs;
        Incidents = fakes.Incidents;
        Ingestion = fakes.Ingestion;
        Models = fakes.Models;
        Options = options;
        var client = ClientOptions(resilience);
        IncidentsClient = new SentinelIncidentsClient(Credential, client);
        QueryClient = new LogAnalyticsQueryClient(Credential, client);
        ModelClient = new ModelManagementClient(Credential, client);
        IngestionClient = new LogsIngestionClient(Credential, server.BaseUri, client);
        ConversationEnricher = new ConversationContextEnricher(IncidentsClient, QueryClient, options);
        IntegrityEnricher = new ModelIntegrityEnricher(IncidentsClient, QueryClient, options);
    }

    public static SentinelWorkspace Workspace { get; } = new(SubscriptionId, ResourceGroup, WorkspaceName);

    public LoopbackHttpsServer Server { get; }

    public FakeSentinelIncidents Incidents { get; }

    public FakeLogAnalytics Logs { get; }

    public FakeLogsIngestion Ingestion { get; }

    public FakeModelManagement Models { get; }

    public AutoAdvancingTimeProvider Clock { get; } = new();

    public FakeTokenCredential Credential { get; } = new();

    public EnrichmentOptions Options { get; }

    public SentinelIncidentsClient IncidentsClient { get; }

    public LogAnalyticsQueryClient QueryClient { get; }

    public ModelManagementClient ModelClient { get; }

    public LogsIngestionClient IngestionClient { get; }

    public ConversationContextEnricher ConversationEnricher { get; }

    public ModelIntegrityEnricher IntegrityEnricher { get; }

    /// <summary>Starts the fakes; <paramref name="executor"/> answers queries (the local engine, or canned results).</summary>
    public static async Task<EnrichmentBed> StartAsync(
        Func<string, string?, QueryResult> executor, Func<EnrichmentOptions, EnrichmentOptions>? configure = null, AzureResilienceOptions? resilience = null)
    {
        var fakes = new Fakes(new FakeLogAnalytics(executor));
        var server = await LoopbackHttpsServer.StartAsync(fakes.Incidents, fakes.Logs, fakes.Ingestion, fakes.Models);
        var options = new EnrichmentOptions
        {
            Workspace = Workspace,
            LogAnalyticsWorkspaceId = WorkspaceId,
            RaiseSeverity = true,
            InternalDomains = ["contoso.com"],
            AllowedPathPrefixes = ["/finance/"],
        };
        return new EnrichmentBed(server, fakes, configure?.Invoke(options) ?? options, resilience);
    }

    /// <summary>The ARM id the Logic App passes for an incident.</summary>
    public static string ArmId(string incidentId) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.OperationalInsights/workspaces/{WorkspaceName}/providers/Microsoft.SecurityInsights/Incidents/{incidentId}";

    private AzureClientOptions ClientOptions(AzureResilienceOptions? resilience) => new()
    {
        ManagementEndpoint = Server.BaseUri,
        LogAnalyticsEndpoint = Server.BaseUri,
        PrimaryHandlerFactory = Server.CreateHandler,
        // Custom resilience means real timeouts: those need the system clock (the virtual one fires short timers at once).
        TimeProvider = resilience is null ? Clock : TimeProvider.System,
        Resilience = resilience ?? new AzureResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromHours(1),
            TotalTimeout = TimeSpan.FromHours(2),
            UseJitter = false,
            CircuitMinimumThroughput = 10_000,
        },
    };

    public ValueTask DisposeAsync()
    {
        IncidentsClient.Dispose();
        QueryClient.Dispose();
        ModelClient.Dispose();
        IngestionClient.Dispose();
        return Server.DisposeAsync();
    }

    // The fakes exist before the server that hosts them.
    private sealed class Fakes(FakeLogAnalytics logs)
    {
        public FakeLogAnalytics Logs { get; } = logs;

        public FakeSentinelIncidents Incidents { get; } = new();

        public FakeLogsIngestion Ingestion { get; } = new();

        public FakeModelManagement Models { get; } = new();
    }
}
