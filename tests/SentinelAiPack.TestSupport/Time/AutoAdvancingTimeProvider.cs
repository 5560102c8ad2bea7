using System.Collections.Concurrent;

namespace SentinelAiPack.TestSupport.Time;

/// <summary>
/// A virtual clock for fast tests of waiting code (Polly retries, Retry-After, polling). A timer due within
/// <see cref="AutoAdvanceLimit"/> fires at once and moves the clock forward by its due time; longer timers (such as
/// generous per-attempt timeouts) never fire. Every requested due time is recorded, so a test can assert that a
/// wait of at least N seconds was asked for without sleeping.
/// </summary>
public sealed class AutoAdvancingTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now;

    /// <summary>Starts the clock at <paramref name="start"/> (default 2030-01-01 UTC).</summary>
    public AutoAdvancingTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Timers due within this fire immediately.</summary>
    public TimeSpan AutoAdvanceLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Due times of every timer created, in order.</summary>
    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    /// <summary>Delays that fired (the waits that actually happened in virtual time).</summary>
    public ConcurrentQueue<TimeSpan> ElapsedDelays { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class VirtualTimer(AutoAdvancingTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private int _generation;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            int generation;
            lock (this)
            {
                if (_disposed)
                {
                    return false;
                }

                generation = ++_generation;
            }

            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            clock.RequestedDelays.Enqueue(dueTime);
            if (dueTime > clock.AutoAdvanceLimit)
            {
                return true;
            }

            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    lock (this)
                    {
                        if (_disposed || generation != _generation)
                        {
                            return;
                        }
                    }

                    clock.Advance(dueTime);
                    clock.ElapsedDelays.Enqueue(dueTime);
                    callback(state);
                },
                null);
            return true;
        }

        public void Dispose()
        {
            lock (this)
            {
                _disposed = true;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
