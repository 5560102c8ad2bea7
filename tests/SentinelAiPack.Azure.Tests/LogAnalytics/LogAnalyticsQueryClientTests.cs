using System.Net;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.LogAnalytics;

namespace SentinelAiPack.Azure.Tests.LogAnalytics;

public class LogAnalyticsQueryClientTests
{
    private const string Workspace = "63613592-b6f7-4c3d-a390-22ba13102111";

    private static QueryResult Sample() => QueryResult.Single(
        [("Model", "string"), ("Turns", "long"), ("Score", "real"), ("Seen", "datetime"), ("Flagged", "bool"), ("Extra", "dynamic"), ("Span", "timespan")],
        [["gpt-4o", 42L, 0.5, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), true, System.Text.Json.Nodes.JsonNode.Parse("{\"k\":[1,2]}"), TimeSpan.FromMinutes(90)],
         [null, null, null, null, null, null, null]]);

    [Test]
    public async Task Returns_typed_tables_and_sends_the_documented_body()
    {
        var fake = new FakeLogAnalytics((_, _) => Sample());
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var result = await client.QueryAsync(Workspace, "AITurns() | take 2", timeRange: LogQueryTimeRange.Last(TimeSpan.FromHours(12)));

        var table = result.PrimaryTable;
        var row = table.Rows[0];
        Assert.Multiple(() =>
        {
            Assert.That(table.Columns.Select(c => c.Type), Is.EqualTo(new[] { "string", "long", "real", "datetime", "bool", "dynamic", "timespan" }));
            Assert.That(row.GetString("Model"), Is.EqualTo("gpt-4o"));
            Assert.That(row.GetInt64("Turns"), Is.EqualTo(42));
            Assert.That(row.GetDouble("Score"), Is.EqualTo(0.5));
            Assert.That(row.GetDateTimeOffset("Seen"), Is.EqualTo(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            Assert.That(row.GetBoolean("Flagged"), Is.True);
            Assert.That(row.GetDynamic("Extra")!.Value.GetProperty("k")[1].GetInt32(), Is.EqualTo(2));
            Assert.That(row.GetTimeSpan("Span"), Is.EqualTo(TimeSpan.FromMinutes(90)));
            Assert.That(table.Rows[1].IsNull("Model"), Is.True);
            Assert.That(table.Rows[1].GetInt64("Turns"), Is.Null);
            Assert.That(fake.Queries.Single(), Is.EqualTo((Workspace, "AITurns() | take 2", (string?)"PT12H")));
            Assert.That(bed.Server.Requests.Single().Audience, Is.EqualTo("https://api.loganalytics.io"));
            Assert.That(() => row.GetInt64("Model"), Throws.TypeOf<FormatException>().With.Message.Contains("Model"));
            Assert.That(() => row.GetString("Nope"), Throws.TypeOf<KeyNotFoundException>());
        });
    }

    [Test]
    public async Task Hostile_parameter_values_reach_the_service_only_inside_base64_literals()
    {
        var fake = new FakeLogAnalytics();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());
        const string hostile = "x\" | union SecurityAlert | where '1'=='1' // */\n; let y = 1;";

        await client.QueryAsync(Workspace, "AITurns() | where UserId == userId", new KqlParameters().Add("userId", hostile));

        var sent = fake.Queries.Single().Query;
        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.Not.Contain("SecurityAlert"));
            Assert.That(sent, Does.EndWith("AITurns() | where UserId == userId"));
            Assert.That(sent, Does.Match("^let userId = base64_decode_tostring\\(\"[A-Za-z0-9+/=]+\"\\);\n"));
        });
    }

    [Test]
    public async Task Throttling_waits_for_retry_after_then_succeeds()
    {
        var fake = new FakeLogAnalytics((_, _) => Sample());
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(2, Fault.Throttle(retryAfterSeconds: 7));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var result = await client.QueryAsync(Workspace, "T");

        Assert.Multiple(() =>
        {
            Assert.That(result.PrimaryTable.Rows, Has.Count.EqualTo(2));
            Assert.That(bed.Server.Requests.Select(r => r.Status), Is.EqualTo(new[] { 429, 429, 200 }));
            Assert.That(bed.Clock.ElapsedDelays.Count(d => d == TimeSpan.FromSeconds(7)), Is.EqualTo(2), "each retry waited the Retry-After");
        });
    }

    [Test]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var fake = new FakeLogAnalytics((_, _) => Sample());
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(1, Fault.ServerError(500)).Next(1, Fault.ServerError(503)).Next(1, Fault.Disconnect());
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var result = await client.QueryAsync(Workspace, "T");

        Assert.Multiple(() =>
        {
            Assert.That(result.PrimaryTable.Rows, Has.Count.EqualTo(2));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(4));
            Assert.That(bed.Clock.ElapsedDelays.Take(3), Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) }));
        });
    }

    [Test]
    public async Task Throttling_that_outlasts_the_retries_surfaces_as_throttled()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(10, Fault.Throttle(3));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureThrottledException>(() => client.QueryAsync(Workspace, "T"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(5), "first attempt + 4 retries");
        });
    }

    [Test]
    public async Task A_retry_after_longer_than_accepted_is_not_waited_for()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(1, Fault.Throttle(3600));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        Assert.ThrowsAsync<AzureThrottledException>(() => client.QueryAsync(Workspace, "T"));
        Assert.That(bed.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Truncated_json_gives_a_format_exception_naming_the_problem()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics((_, _) => Sample()));
        bed.Server.Faults.Next(1, Fault.TruncatedJson());
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureResponseFormatException>(() => client.QueryAsync(Workspace, "T"));
        Assert.That(error!.Message, Does.Contain("invalid JSON").And.Contain("truncated"));
    }

    [Test]
    public async Task Wrong_audience_is_surfaced_as_an_authentication_error()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Credential.ForcedAudience = "https://management.azure.com";
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureAuthenticationException>(() => client.QueryAsync(Workspace, "T"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.IsWrongAudience, Is.True);
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(1), "authentication errors are not retried");
        });
    }

    [Test]
    public async Task A_bad_query_surfaces_the_documented_error_tree()
    {
        var fake = new FakeLogAnalytics((_, _) => throw new FakeQueryException("SyntaxError", "Syntax Error near '|'"));
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureApiException>(() => client.QueryAsync(Workspace, "T | |"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Error!.Code, Is.EqualTo("BadArgumentError"));
            Assert.That(error.Error.Innermost.Code, Is.EqualTo("SyntaxError"));
            Assert.That(error.Message, Does.Contain("Syntax Error near '|'"));
        });
    }

    [Test]
    public async Task Partial_results_throw_unless_allowed()
    {
        var partial = Sample();
        partial.PartialErrorMessage = "Query exceeded the row limit";
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics((_, _) => partial));
        using var strict = new LogAnalyticsQueryClient(bed.Credential, bed.Options());
        using var lenient = new LogAnalyticsQueryClient(bed.Credential, bed.Options(allowPartial: true));

        var error = Assert.ThrowsAsync<LogQueryPartialException>(() => strict.QueryAsync(Workspace, "T"));
        var result = await lenient.QueryAsync(Workspace, "T");

        Assert.Multiple(() =>
        {
            Assert.That(error!.PartialResult.PrimaryTable.Rows, Has.Count.EqualTo(2));
            Assert.That(error.Message, Does.Contain("row limit"));
            Assert.That(result.PartialError!.Code, Is.EqualTo("PartialError"));
        });
    }

    [Test]
    public async Task A_slow_answer_times_out_with_a_clear_exception()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(5, Fault.Delay(TimeSpan.FromSeconds(10)));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.RealTimeOptions(TimeSpan.FromMilliseconds(300), retries: 1));

        var error = Assert.ThrowsAsync<AzureRequestTimeoutException>(() => client.QueryAsync(Workspace, "T"));
        Assert.That(error!.Message, Does.Contain("timeout"));
    }

    [Test]
    public async Task A_timed_out_attempt_is_retried()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics((_, _) => Sample()));
        bed.Server.Faults.Next(1, Fault.Delay(TimeSpan.FromSeconds(10)));
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.RealTimeOptions(TimeSpan.FromMilliseconds(500), retries: 2));

        var result = await client.QueryAsync(Workspace, "T");
        Assert.That(result.PrimaryTable.Rows, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Open_circuit_fails_fast_with_a_transport_error()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeLogAnalytics());
        bed.Server.Faults.Next(100, Fault.ServerError(500));
        var options = bed.Options(new AzureResilienceOptions
        {
            MaxRetryAttempts = 0,
            CircuitMinimumThroughput = 3,
            CircuitFailureRatio = 0.5,
            AttemptTimeout = TimeSpan.FromHours(1),
            TotalTimeout = TimeSpan.FromHours(2),
        });
        using var client = new LogAnalyticsQueryClient(bed.Credential, options);

        for (var i = 0; i < 3; i++)
        {
            Assert.ThrowsAsync<AzureApiException>(() => client.QueryAsync(Workspace, "T"));
        }

        var error = Assert.ThrowsAsync<AzureTransportException>(() => client.QueryAsync(Workspace, "T"));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("circuit breaker is open"));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task No_data_in_the_workspace_is_an_empty_result()
    {
        await using var bed = await AzureTestBed.StartAsync(new NoContentApi());
        using var client = new LogAnalyticsQueryClient(bed.Credential, bed.Options());

        var result = await client.QueryAsync(Workspace, "T");
        Assert.That(result.Tables, Is.Empty);
    }

    [Test]
    public void Workspace_ids_must_be_guids()
    {
        using var client = new LogAnalyticsQueryClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential(), new AzureClientOptions());
        Assert.ThrowsAsync<ArgumentException>(() => client.QueryAsync("../../subscriptions", "T"));
    }

    /// <summary>The documented 204 for a workspace without data.</summary>
    private sealed class NoContentApi : IFakeAzureApi
    {
        public string ExpectedAudience => "https://api.loganalytics.io";

        public bool Matches(FakeRequest request) => true;

        public FakeResponse WrongAudience(string? audience) => FakeResponse.Error(403, "InvalidAuthenticationTokenAudience", "wrong");

        public Task<FakeResponse> HandleAsync(FakeRequest request) => Task.FromResult(FakeResponse.Empty(204));
    }
}
