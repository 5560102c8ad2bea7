using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Ingestion;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.TestSupport.Arm;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Ingestion;
using SentinelAiPack.TestSupport.LogAnalytics;
using SentinelAiPack.TestSupport.Sentinel;

namespace SentinelAiPack.Azure.Tests;

public class SecretHygieneTests
{
    [Test]
    public async Task Each_client_asks_for_its_own_audience()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics(), new FakeArmDeployments(), new FakeSentinelIncidents(), new FakeLogsIngestion());
        using var query = new LogAnalyticsQueryClient(bed.Credential, bed.Options());
        using var arm = new ArmDeploymentClient(bed.Credential, bed.Options());
        using var sentinel = new SentinelIncidentsClient(bed.Credential, bed.Options());
        using var ingestion = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options());

        await query.QueryAsync("63613592-b6f7-4c3d-a390-22ba13102111", "T");
        Assert.ThrowsAsync<AzureApiException>(() => sentinel.GetIncidentAsync(new SentinelWorkspace("d0cfe6b2-9ac0-4464-9919-dccaee2e48c0", "rg", "ws1"), "missing"));
        await ingestion.UploadAsync("dcr-1", "Custom-T_CL", new[] { new { A = 1 } });

        Assert.That(bed.Credential.RequestedScopes, Is.EqualTo(new[]
        {
            "https://api.loganalytics.io/.default",
            "https://management.azure.com/.default",
            "https://monitor.azure.com//.default",
        }));
    }

    [Test]
    public async Task Tokens_never_appear_in_logs_or_exception_messages()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(2, Fault.Throttle(1)).Next(10, Fault.ServerError(500));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureApiException>(() => client.QueryAsync("63613592-b6f7-4c3d-a390-22ba13102111", "T"));

        var token = bed.Credential.IssuedTokens.Single();
        var everything = string.Join("\n", bed.Logger.Lines) + error!.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(bed.Logger.Lines, Is.Not.Empty, "the client does log");
            Assert.That(everything, Does.Not.Contain(token));
            Assert.That(everything, Does.Not.Contain(token.Split('.')[1]));
            Assert.That(everything, Does.Not.Contain("Bearer"));
        });
    }

    [Test]
    public async Task A_cached_token_is_reused_across_calls()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        for (var i = 0; i < 3; i++)
        {
            await client.QueryAsync("63613592-b6f7-4c3d-a390-22ba13102111", "T");
        }

        Assert.That(bed.Credential.IssuedTokens, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_client_trusts_only_the_test_servers_certificate()
    {
        await using var first = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        await using var second = await AzureTestBed.StartAsync(new FakeLogAnalytics());

        // Options pointing at the first server but trusting only the second server's certificate.
        var options = first.Options();
        var mismatched = new SentinelAiPack.Azure.Http.AzureClientOptions
        {
            LogAnalyticsEndpoint = options.LogAnalyticsEndpoint,
            PrimaryHandlerFactory = second.Server.CreateHandler,
            TimeProvider = options.TimeProvider,
            Resilience = new SentinelAiPack.Azure.Http.AzureResilienceOptions { MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2) },
        };
        using var client = new LogAnalyticsQueryClient(first.Credential, mismatched);

        Assert.ThrowsAsync<AzureTransportException>(() => client.QueryAsync("63613592-b6f7-4c3d-a390-22ba13102111", "T"));
        Assert.That(first.Server.Requests, Is.Empty);
    }
}
