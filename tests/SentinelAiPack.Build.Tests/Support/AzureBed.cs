using System.Text.Json;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.TestSupport.Arm;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Identity;
using SentinelAiPack.TestSupport.LogAnalytics;
using SentinelAiPack.TestSupport.Time;

namespace SentinelAiPack.Build.Tests.Support;

/// <summary>
/// A loopback HTTPS server speaking the Log Analytics query and ARM deployments contracts, a fake credential and a
/// virtual clock (retries and polls complete at once while the clock records the waits), wired into `aipack`.
/// </summary>
internal sealed class AzureBed : IAsyncDisposable
{
    public const string Subscription = "00000000-1111-2222-3333-444444444444";
    public const string WorkspaceId = "7f1c2a9e-3b44-4f1b-9a11-2d7e0c6b5a10";

    private AzureBed(LoopbackHttpsServer server, FakeLogAnalytics logAnalytics, FakeArmDeployments arm)
    {
        Server = server;
        LogAnalytics = logAnalytics;
        Arm = arm;
        Credential = new FakeTokenCredential(Clock);
        var options = new AzureClientOptions
        {
            ManagementEndpoint = server.BaseUri,
            LogAnalyticsEndpoint = server.BaseUri,
            PrimaryHandlerFactory = server.CreateHandler,
            TimeProvider = Clock,
            LongRunningPollInterval = TimeSpan.FromSeconds(5),
            Resilience = new AzureResilienceOptions { AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2), UseJitter = false },
        };
        Connection = new AzureConnection(_ => Credential, options);
    }

    public LoopbackHttpsServer Server { get; }

    public FakeLogAnalytics LogAnalytics { get; }

    public FakeArmDeployments Arm { get; }

    public AutoAdvancingTimeProvider Clock { get; } = new();

    public FakeTokenCredential Credential { get; }

    public AzureConnection Connection { get; }

    public static async Task<AzureBed> StartAsync()
    {
        var logAnalytics = new FakeLogAnalytics();
        var arm = new FakeArmDeployments { PollsBeforeCompletion = 1, RetryAfterSeconds = 3 };
        return new AzureBed(await LoopbackHttpsServer.StartAsync(logAnalytics, arm), logAnalytics, arm);
    }

    /// <summary>Gives the workspace a table with the columns of a pinned schema file (optionally without some columns).</summary>
    public void AddTableFromSchema(string schemaFile, params string[] withoutColumns)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(schemaFile));
        var name = document.RootElement.GetProperty("Name").GetString()!;
        var columns = document.RootElement.GetProperty("Properties").EnumerateArray()
            .Select(p => (p.GetProperty("Name").GetString()!, Content.Schemas.KustoType.Normalize(p.GetProperty("Type").GetString()) ?? "dynamic"))
            .Where(c => !withoutColumns.Contains(c.Item1))
            .ToList();
        LogAnalytics.Tables[name] = columns;
    }

    /// <summary>Makes every deployment whose template text contains <paramref name="marker"/> end Failed with the given error.</summary>
    public void FailTemplatesContaining(string marker, string code, string message) =>
        Arm.FailWhen = template => template.ToJsonString().Contains(marker, StringComparison.Ordinal) ? (code, message) : null;

    /// <summary>
    /// Values for the enrichment templates' parameters without a default (Function App and playbooks), as a user passes
    /// them; every other parameter keeps its default.
    /// </summary>
    public static readonly string[] EnrichmentParameters =
    [
        "--parameter", "FunctionAppName=aipack-enrich-fn",
        "--parameter", "FunctionAudience=api://0b3c1f5e-8d2a-4c6b-9e1f-7a2d3c4b5e6f",
        "--parameter", "AuthClientId=0b3c1f5e-8d2a-4c6b-9e1f-7a2d3c4b5e6f",
        "--parameter", "DcrResourceId=/subscriptions/" + Subscription + "/resourceGroups/rg-sentinel/providers/Microsoft.Insights/dataCollectionRules/dcr-inventory",
        "--parameter", "IngestionEndpoint=https://dce-aipack.westeurope-1.ingest.monitor.azure.com",
    ];

    /// <summary>A complete deploy command line (with <see cref="EnrichmentParameters"/>) plus <paramref name="extra"/>.</summary>
    public string[] DeployArgs(params string[] extra) => [.. DeployArgsWithoutParameters(), .. EnrichmentParameters, .. extra];

    /// <summary>The deploy command line without any <c>--parameter</c>.</summary>
    public string[] DeployArgsWithoutParameters(params string[] extra) =>
        ["deploy", "--subscription", Subscription, "--resource-group", "rg-sentinel", "--workspace", "ws-sentinel", "--workspace-id", WorkspaceId, "--parallel", "1", .. extra];

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
