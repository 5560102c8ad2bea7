using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.Azure.Identity;
using SentinelAiPack.Azure.Ingestion;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.MachineLearning;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Configuration;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Hosting;
using SentinelAiPack.Enrichment.Inventory;
using SentinelAiPack.Enrichment.ModelIntegrity;

namespace SentinelAiPack.Functions;

/// <summary>
/// Builds the enrichers and the collector once per worker from the app settings: one credential (managed identity in
/// Azure, DefaultAzureCredential locally), one client per API (each with its own connection pool and resilience
/// pipeline). Invalid settings surface as <see cref="Enrichment.EnrichmentConfigurationException"/> on first use, naming the setting.
/// </summary>
public sealed class EnricherHost : IDisposable
{
    private readonly Lazy<(SentinelIncidentsClient Incidents, LogAnalyticsQueryClient Logs, ConversationContextEnricher Conversation, ModelIntegrityEnricher Integrity)> _enrichers;
    private readonly Lazy<(ModelManagementClient Models, LogsIngestionClient Ingestion, ModelInventoryCollector Collector)> _collector;
    private readonly Lazy<CallerAuthorization> _callers;
    private readonly HttpClient? _metadataClient;

    public EnricherHost(IConfiguration configuration, ILoggerFactory loggers)
        : this(configuration, loggers, metadataHandler: null)
    {
    }

    /// <summary>For tests: the Entra metadata (signing keys) is read through <paramref name="metadataHandler"/>.</summary>
    internal EnricherHost(IConfiguration configuration, ILoggerFactory loggers, HttpMessageHandler? metadataHandler)
    {
        var settings = new EnrichmentSettings(name => configuration[name]);
        var clientOptions = new AzureClientOptions { Logger = loggers.CreateLogger("SentinelAiPack.Azure") };
        var credential = new Lazy<global::Azure.Core.TokenCredential>(() => AzureCredentialFactory.Create(settings.CredentialName));
        RequireCallerIdentity = settings.RequireCallerIdentity;
        _metadataClient = metadataHandler is null ? null : new HttpClient(metadataHandler);
        _callers = new(() => new CallerAuthorization(settings.Callers(), metadataClient: _metadataClient));
        _enrichers = new(() =>
        {
            var options = settings.Enrichment();
            var incidents = new SentinelIncidentsClient(credential.Value, clientOptions);
            var logs = new LogAnalyticsQueryClient(credential.Value, clientOptions);
            return (incidents, logs, new ConversationContextEnricher(incidents, logs, options), new ModelIntegrityEnricher(incidents, logs, options));
        });
        _collector = new(() =>
        {
            var (options, endpoint) = settings.Inventory();
            var models = new ModelManagementClient(credential.Value, clientOptions);
            var ingestion = new LogsIngestionClient(credential.Value, endpoint, clientOptions);
            return (models, ingestion, new ModelInventoryCollector(models, ingestion, options));
        });
    }

    /// <summary>Check every caller's token (on unless AIPACK_REQUIRE_CALLER_IDENTITY=false, for local runs only).</summary>
    public bool RequireCallerIdentity { get; }

    /// <summary>Who may call the HTTP functions (default deny: the playbooks' managed identity only).</summary>
    public CallerAuthorization Callers => _callers.Value;

    public ConversationContextEnricher ConversationEnricher => _enrichers.Value.Conversation;

    public ModelIntegrityEnricher IntegrityEnricher => _enrichers.Value.Integrity;

    public ModelInventoryCollector Collector => _collector.Value.Collector;

    public void Dispose()
    {
        _metadataClient?.Dispose();
        if (_enrichers.IsValueCreated)
        {
            _enrichers.Value.Incidents.Dispose();
            _enrichers.Value.Logs.Dispose();
        }

        if (_collector.IsValueCreated)
        {
            _collector.Value.Models.Dispose();
            _collector.Value.Ingestion.Dispose();
        }
    }
}
