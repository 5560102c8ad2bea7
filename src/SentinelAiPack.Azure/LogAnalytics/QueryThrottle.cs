namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// Keeps a burst of queries within the documented per-user limits of the Log Analytics query API
/// (learn.microsoft.com/azure/azure-monitor/service-limits, "User query throttling"): at most 5 queries run at once
/// (more wait in the service's queue and are rejected with 429 after 3 minutes there) and at most 200 queries are sent
/// per 30 seconds. A caller takes a slot with <see cref="WaitAsync"/> before each query and disposes it after; the
/// client's retry pipeline honours 429 Retry-After for whatever still gets throttled. Every wait uses the given clock.
/// </summary>
public sealed class QueryThrottle : IDisposable
{
    /// <summary>Documented concurrent queries per user.</summary>
    public const int DocumentedConcurrency = 5;

    /// <summary>Documented queries per user per <see cref="DocumentedRateWindow"/>.</summary>
    public const int DocumentedRate = 200;

    /// <summary>The window of <see cref="DocumentedRate"/>.</summary>
    public static readonly TimeSpan DocumentedRateWindow = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _running;
    private readonly Queue<DateTimeOffset> _started = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;

    /// <summary>A throttle with the documented limits unless told otherwise (tests use small ones).</summary>
    public QueryThrottle(int concurrency = DocumentedConcurrency, int rate = DocumentedRate, TimeSpan? window = null, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1);
        Concurrency = concurrency;
        Rate = rate;
        Window = window ?? DocumentedRateWindow;
        _clock = clock ?? TimeProvider.System;
        _running = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Queries allowed to run at once.</summary>
    public int Concurrency { get; }

    /// <summary>Queries allowed to start per <see cref="Window"/>.</summary>
    public int Rate { get; }

    /// <summary>The sliding window of <see cref="Rate"/>.</summary>
    public TimeSpan Window { get; }

    /// <summary>How long callers have waited for the rate limit so far (not for concurrency).</summary>
    public TimeSpan RateWaits { get; private set; }

    /// <summary>Waits for a free slot and for the rate window, then returns the slot; dispose it when the query is done.</summary>
    public async Task<IDisposable> WaitAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = _clock.GetUtcNow();
                    while (_started.Count > 0 && now - _started.Peek() >= Window)
                    {
                        _started.Dequeue();
                    }
                    if (_started.Count < Rate)
                    {
                        _started.Enqueue(now);
                        return new Slot(_running);
                    }
                    wait = _started.Peek() + Window - now;
                    RateWaits += wait;
                }
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _running.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _running.Dispose();

    private sealed class Slot(SemaphoreSlim running) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                running.Release();
            }
        }
    }
}
