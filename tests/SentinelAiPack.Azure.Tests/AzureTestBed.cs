using Microsoft.Extensions.Logging;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Identity;
using SentinelAiPack.TestSupport.Time;

namespace SentinelAiPack.Azure.Tests;

/// <summary>A loopback server with fakes, a fake credential and a virtual clock, plus client options pointing at them.</summary>
internal sealed class AzureTestBed : IAsyncDisposable
{
    private AzureTestBed(LoopbackHttpsServer server)
    {
        Server = server;
        Credential = new FakeTokenCredential(Clock);
    }

    public LoopbackHttpsServer Server { get; }

    public AutoAdvancingTimeProvider Clock { get; } = new();

    public FakeTokenCredential Credential { get; }

    public ListLogger Logger { get; } = new();

    public static async Task<AzureTestBed> StartAsync(params IFakeAzureApi[] apis) => new(await LoopbackHttpsServer.StartAsync(apis));

    /// <summary>
    /// Options on the virtual clock: generous attempt/total timeouts (they never fire), retries and polls that
    /// complete instantly in real time while the clock records how long they asked to wait.
    /// </summary>
    public AzureClientOptions Options(AzureResilienceOptions? resilience = null, bool allowPartial = false, int? ingestionMaxBatchBytes = null, bool gzip = true) => new()
    {
        ManagementEndpoint = Server.BaseUri,
        LogAnalyticsEndpoint = Server.BaseUri,
        PrimaryHandlerFactory = Server.CreateHandler,
        TimeProvider = Clock,
        Logger = Logger,
        AllowPartialQueryResults = allowPartial,
        IngestionMaxBatchBytes = ingestionMaxBatchBytes ?? 1_000_000,
        IngestionGzip = gzip,
        LongRunningPollInterval = TimeSpan.FromSeconds(5),
        Resilience = resilience ?? new AzureResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromHours(1),
            TotalTimeout = TimeSpan.FromHours(2),
            UseJitter = false,
        },
    };

    /// <summary>Options on the real clock with short timeouts, for tests where a request really must time out.</summary>
    public AzureClientOptions RealTimeOptions(TimeSpan attemptTimeout, int retries) => new()
    {
        ManagementEndpoint = Server.BaseUri,
        LogAnalyticsEndpoint = Server.BaseUri,
        PrimaryHandlerFactory = Server.CreateHandler,
        Logger = Logger,
        Resilience = new AzureResilienceOptions
        {
            AttemptTimeout = attemptTimeout,
            TotalTimeout = TimeSpan.FromSeconds(30),
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            UseJitter = false,
        },
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Captures every formatted log line, to prove tokens never reach logs.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
}
