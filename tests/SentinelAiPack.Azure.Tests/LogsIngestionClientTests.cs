using System.Net;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Ingestion;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Ingestion;

namespace SentinelAiPack.Azure.Tests;

public class LogsIngestionClientTests
{
    private const string Rule = "dcr-000a00a000a00000a000000aa000a0aa";
    private const string Stream = "Custom-AIModelInventory_CL";

    private sealed record InventoryRow(DateTimeOffset TimeGenerated, string ModelName, string Payload);

    private static IEnumerable<InventoryRow> Rows(int count, int payloadLength) => Enumerable.Range(0, count)
        .Select(i => new InventoryRow(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), $"model-{i}", new string('p', payloadLength)));

    [TestCase(true)]
    [TestCase(false)]
    public async Task Uploads_rows_in_one_call_when_they_fit(bool gzip)
    {
        var fake = new FakeLogsIngestion();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options(gzip: gzip));

        var result = await client.UploadAsync(Rule, Stream, Rows(3, 10));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new LogsIngestionResult(3, 1)));
            Assert.That(fake.Rows(Stream).Select(r => r.GetProperty("ModelName").GetString()), Is.EqualTo(new[] { "model-0", "model-1", "model-2" }));
            Assert.That(bed.Server.Requests.Single().Audience, Is.EqualTo("https://monitor.azure.com"));
            Assert.That(bed.Credential.RequestedScopes.Single(), Is.EqualTo("https://monitor.azure.com//.default"));
            Assert.That(bed.Server.Requests.Single().QueryString, Does.Contain("api-version=2023-01-01"));
        });
    }

    [Test]
    public async Task Splits_batches_under_the_one_megabyte_limit_and_keeps_order()
    {
        var fake = new FakeLogsIngestion();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options());

        var result = await client.UploadAsync(Rule, Stream, Rows(2500, 1000));

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsUploaded, Is.EqualTo(2500));
            Assert.That(result.Calls, Is.EqualTo(3));
            Assert.That(fake.CallSizes.All(size => size <= 1_000_000), Is.True);
            Assert.That(fake.Rows(Stream).Select(r => r.GetProperty("ModelName").GetString()), Is.EqualTo(Enumerable.Range(0, 2500).Select(i => $"model-{i}")));
        });
    }

    [Test]
    public async Task An_oversized_call_gets_the_413_surfaced_with_progress()
    {
        var fake = new FakeLogsIngestion();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options(ingestionMaxBatchBytes: 4_000_000, gzip: false));

        var error = Assert.ThrowsAsync<LogsIngestionException>(() => client.UploadAsync(Rule, Stream, Rows(2500, 1000)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(error.RowsUploaded, Is.Zero);
            Assert.That(error.Message, Does.Contain("ContentLengthLimitExceeded"));
        });
    }

    [Test]
    public void A_single_row_over_the_limit_is_refused()
    {
        using var client = new LogsIngestionClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential(), new Uri("https://dce.example"));
        Assert.ThrowsAsync<ArgumentException>(() => client.UploadAsync(Rule, Stream, Rows(1, 1_100_000)));
    }

    [Test]
    public async Task Throttling_mid_upload_is_waited_out()
    {
        var fake = new FakeLogsIngestion();
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(1, Fault.Throttle(30));
        using var client = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options());

        var result = await client.UploadAsync(Rule, Stream, Rows(10, 10));

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsUploaded, Is.EqualTo(10));
            Assert.That(bed.Clock.ElapsedDelays, Does.Contain(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task Wrong_audience_is_an_authentication_error()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogsIngestion());
        bed.Credential.ForcedAudience = "https://management.azure.com";
        using var client = new LogsIngestionClient(bed.Credential, bed.Server.BaseUri, bed.Options());

        var error = Assert.ThrowsAsync<LogsIngestionException>(() => client.UploadAsync(Rule, Stream, Rows(1, 1)));
        Assert.That(error!.InnerException, Is.TypeOf<AzureAuthenticationException>());
    }
}
