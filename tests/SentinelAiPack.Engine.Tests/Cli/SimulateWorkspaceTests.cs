using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.Cli;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Identity;
using SentinelAiPack.TestSupport.LogAnalytics;
using SentinelAiPack.TestSupport.Time;

namespace SentinelAiPack.Engine.Tests.Cli;

/// <summary>
/// `aipack simulate --workspace` against a loopback Log Analytics query API whose "service" is the local engine over the
/// same data: each run is one query whose window is the API timespan and whose run time is a bound datetime parameter
/// (the real clock is far from the data, so a query that read now() would see nothing); the alerts must equal the local
/// simulation's; a 429 is waited out as its Retry-After says.
/// </summary>
public sealed class SimulateWorkspaceTests
{
    private const string WorkspaceId = "7f1c2a9e-3b44-4f1b-9a11-2d7e0c6b5a10";
    private string _work = null!;

    [SetUp]
    public void SetUp()
    {
        _work = Directory.CreateTempSubdirectory("aipack-simulate-ws").FullName;
        File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "rules", "InstructionOverride.yaml"), Path.Combine(_work, "InstructionOverride.yaml"));
        Directory.CreateDirectory(Path.Combine(_work, "data"));
        File.WriteAllLines(Path.Combine(_work, "data", "AIConversationTurn_CL.jsonl"), SimulationFixture.Turns());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_work, recursive: true);

    /// <summary>The fake service: runs each query with the local engine over the data folder, cut to the request's timespan, at the real now().</summary>
    private sealed class EngineService
    {
        private readonly ConcurrentDictionary<string, QueryPlan> _plans = new();
        private readonly SimulationData _data;

        public EngineService(string folder) => _data = new SimulationData(DataFolder.Load(folder, PackContent.Schemas).Tables);

        public QueryResult Execute(string query, string? timespan)
        {
            var plan = _plans.GetOrAdd(query, q =>
            {
                var compiled = EngineHarness.Engine.CompileAsync(q, PackContent.Schemas).GetAwaiter().GetResult();
                return compiled.Plan ?? throw new FakeQueryException("SemanticError", compiled.Diagnostics[0].Message);
            });
            var bounds = (timespan ?? throw new FakeQueryException("SyntaxError", "the simulation must send a timespan")).Split('/');
            var start = DateTime.Parse(bounds[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var end = DateTime.Parse(bounds[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var result = plan.Run(new EvaluationContext
            {
                Now = DateTime.UtcNow,
                Tables = _data.Window(start, end),
                EmptyTableSchemas = SchemaConversion.EmptyTables(PackContent.Schemas),
            });
            return QueryResult.Single(result.Schema.Columns.Select(c => (c.Name, c.Kind.Name())),
                result.Rows().Select(r => r.Select(v => v is DynArray or DynBag ? JsonNode.Parse(Values.ToKustoString(v)) : v).ToArray()));
        }
    }

    private async Task<(int Exit, string Out, string Error)> Aipack(AzureConnection? azure, params string[] args)
    {
        await using var services = new CliServices();
        if (azure is not null)
        {
            services.With(azure);
        }
        return await CliHarness.RunAsync(_work, services, args);
    }

    private static (AzureConnection Connection, AutoAdvancingTimeProvider Clock) Connect(LoopbackHttpsServer server, FakeTokenCredential? credential = null)
    {
        var clock = new AutoAdvancingTimeProvider();
        credential ??= new FakeTokenCredential(clock);
        var options = new AzureClientOptions
        {
            LogAnalyticsEndpoint = server.BaseUri,
            ManagementEndpoint = server.BaseUri,
            PrimaryHandlerFactory = server.CreateHandler,
            TimeProvider = clock,
            Resilience = new AzureResilienceOptions { AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2), UseJitter = false },
        };
        return (new AzureConnection(_ => credential, options), clock);
    }

    private static IEnumerable<int> Rows(string json) => JsonDocument.Parse(json).RootElement.GetProperty("rules")[0].GetProperty("runDetails")
        .EnumerateArray().Select(r => r.GetProperty("rows").GetInt32());

    private static IEnumerable<string> Alerts(string json) => JsonDocument.Parse(json).RootElement.GetProperty("rules")[0].GetProperty("runDetails")
        .EnumerateArray().SelectMany(r => r.GetProperty("alerts").EnumerateArray().Select(a => $"{r.GetProperty("time").GetString()} {a.GetProperty("severity").GetString()} {a.GetProperty("name").GetString()}"));

    [Test]
    public async Task Each_run_is_one_query_with_its_window_as_timespan_and_its_time_as_a_parameter_and_alerts_match_local()
    {
        var service = new EngineService(Path.Combine(_work, "data"));
        var logAnalytics = new FakeLogAnalytics(service.Execute);
        await using var server = await LoopbackHttpsServer.StartAsync(logAnalytics);
        var (connection, _) = Connect(server);

        var remote = await Aipack(connection, "simulate", "InstructionOverride.yaml", "--workspace", WorkspaceId,
            "--from", SimulationFixture.From, "--to", SimulationFixture.To, "--format", "json");
        var local = await Aipack(null, "simulate", "InstructionOverride.yaml", "--data", "data",
            "--from", SimulationFixture.From, "--to", SimulationFixture.To, "--format", "json");

        Assert.That(remote.Exit, Is.EqualTo(ExitCodes.Success), remote.Out + remote.Error);
        var queries = logAnalytics.Queries.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Rows(remote.Out), Is.EqualTo(Rows(local.Out)), "the workspace runs return what the local runs return");
            Assert.That(Alerts(remote.Out), Is.EqualTo(Alerts(local.Out)));
            Assert.That(Rows(remote.Out).Sum(), Is.EqualTo(4));
            Assert.That(queries, Has.Count.EqualTo(8), "one query per run");
            Assert.That(queries.Select(q => q.WorkspaceId).Distinct(), Is.EqualTo(new[] { WorkspaceId }));
            Assert.That(queries.Select(q => q.Timespan).Order(), Is.EqualTo(Enumerable.Range(1, 8).Select(k =>
                $"{new DateTime(2026, 3, 1, 10, 0, 0).AddMinutes(15 * k - 15):yyyy-MM-dd'T'HH:mm:ss}.0000000Z/{new DateTime(2026, 3, 1, 10, 0, 0).AddMinutes(15 * k):yyyy-MM-dd'T'HH:mm:ss}.0000000Z")));
            Assert.That(queries.All(q => q.Query.StartsWith("let AipackRunTime = datetime(2026-03-01T1", StringComparison.Ordinal)), Is.True, "the run time is a typed parameter");
            Assert.That(queries.All(q => q.Query.Contains("AIConversationTurns(AipackAgo(15m), AipackNow())", StringComparison.Ordinal)), Is.True,
                "the rule's ago()/now() read the run time; the rest of its text is unchanged");
        });
    }

    [Test]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_run_still_counts()
    {
        var service = new EngineService(Path.Combine(_work, "data"));
        await using var server = await LoopbackHttpsServer.StartAsync(new FakeLogAnalytics(service.Execute));
        server.Faults.Next(2, Fault.Throttle(7));
        var (connection, clock) = Connect(server);

        var result = await Aipack(connection, "simulate", "InstructionOverride.yaml", "--workspace", WorkspaceId,
            "--from", SimulationFixture.From, "--to", SimulationFixture.To, "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(ExitCodes.Success), result.Out + result.Error);
            Assert.That(Rows(result.Out), Is.EqualTo(new[] { 1, 0, 0, 2, 0, 0, 0, 1 }), "no run was lost to throttling");
            Assert.That(clock.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(7)), Is.EqualTo(2), "each throttled request waited its Retry-After");
        });
    }

    [Test]
    public async Task A_wrong_token_audience_stops_the_simulation_with_the_service_s_error()
    {
        await using var server = await LoopbackHttpsServer.StartAsync(new FakeLogAnalytics());
        var clock = new AutoAdvancingTimeProvider();
        var credential = new FakeTokenCredential(clock) { ForcedAudience = "https://management.azure.com" };
        var (connection, _) = Connect(server, credential);

        var result = await Aipack(connection, "simulate", "InstructionOverride.yaml", "--workspace", WorkspaceId,
            "--from", SimulationFixture.From, "--to", SimulationFixture.To);

        Assert.Multiple(() =>
        {
            Assert.That(result.Exit, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(result.Error, Does.StartWith("aipack: Azure request failed: Log Analytics query: HTTP 403 Forbidden"));
            Assert.That(result.Error, Does.Contain("InvalidAuthenticationTokenAudience"));
            Assert.That(result.Out, Is.Empty, "no partial report");
            Assert.That(result.Error, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void The_throttle_keeps_to_its_rate_and_concurrency()
    {
        var clock = new AutoAdvancingTimeProvider();
        using var throttle = new SentinelAiPack.Azure.LogAnalytics.QueryThrottle(concurrency: 2, rate: 3, window: TimeSpan.FromSeconds(30), clock: clock);
        var started = new List<DateTimeOffset>();
        for (var i = 0; i < 7; i++)
        {
            using (throttle.WaitAsync().GetAwaiter().GetResult())
            {
                started.Add(clock.GetUtcNow());
            }
        }
        var first = started[0];
        Assert.Multiple(() =>
        {
            Assert.That(started.Select(s => (s - first).TotalSeconds), Is.EqualTo(new double[] { 0, 0, 0, 30, 30, 30, 60 }), "three per 30 s window");
            Assert.That(throttle.RateWaits, Is.EqualTo(TimeSpan.FromSeconds(60)));
        });
        var a = throttle.WaitAsync().GetAwaiter().GetResult();
        var b = throttle.WaitAsync().GetAwaiter().GetResult();
        var third = throttle.WaitAsync();
        Assert.That(third.IsCompleted, Is.False, "a third query waits while two run");
        a.Dispose();
        Assert.That(third.Wait(TimeSpan.FromSeconds(10)), Is.True);
        b.Dispose();
        third.Result.Dispose();
    }
}
