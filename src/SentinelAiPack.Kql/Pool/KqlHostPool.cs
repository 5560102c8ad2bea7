using System.Collections.Concurrent;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>
/// Up to <see cref="KqlHostPoolOptions.MaxEngines"/> single-threaded analyzer engines shared by the whole process.
/// Engines are created only when work needs them (a run answered from the result cache starts none), in the
/// background and in parallel; each call has an engine to itself. Thread-safe. Disposing ends every engine
/// (node children included).
/// </summary>
public sealed class KqlHostPool : IDisposable
{
    private readonly KqlHostPoolOptions _options;
    private readonly object _gate = new();
    private readonly List<PooledEngine> _engines = [];
    private readonly Stack<PooledEngine> _idle = new();
    private readonly Queue<TaskCompletionSource<PooledEngine>> _waiters = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _schemaProblems = new(StringComparer.Ordinal);
    private int _starting;
    private int _created;
    private long _startTicks;
    private bool _disposed;

    public KqlHostPool(KqlHostPoolOptions? options = null)
    {
        _options = options ?? new KqlHostPoolOptions();
        if (_options.MaxEngines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxEngines must be at least 1.");
        }
    }

    public KqlHostPoolOptions Options => _options;

    /// <summary>Engines alive now.</summary>
    public int EngineCount
    {
        get
        {
            lock (_gate)
            {
                return _engines.Count;
            }
        }
    }

    /// <summary>Engines created over the pool's lifetime (including ones replaced after a cancellation).</summary>
    public int EnginesCreated => Volatile.Read(ref _created);

    /// <summary>Time spent starting engines, summed over engines (they start in the background, partly in parallel).</summary>
    public TimeSpan EngineStartTime => TimeSpan.FromTicks(Interlocked.Read(ref _startTicks));

    /// <summary>Starts engines in parallel until <paramref name="engineCount"/> (at most the maximum) are running.</summary>
    public async Task WarmUpAsync(int engineCount, CancellationToken cancellationToken = default)
    {
        var target = Math.Min(engineCount, _options.MaxEngines);
        var acquired = new List<Task<PooledEngine>>();
        for (var i = 0; i < target; i++)
        {
            acquired.Add(AcquireAsync(grow: true, cancellationToken));
        }
        var engines = await Task.WhenAll(acquired).ConfigureAwait(false);
        foreach (var engine in engines)
        {
            Release(engine);
        }
    }

    /// <summary>
    /// Calls a shim handler (e.g. one of another shim file) on a free engine. When <paramref name="schemas"/> is
    /// given it is registered in that engine first; the request should carry <c>"schemaKey": schemas.Fingerprint</c>
    /// and the handler resolve it with <c>aipack.globalsFor(req.schemaKey)</c>.
    /// </summary>
    public async Task<string> CallAsync(string method, string requestJson, SchemaSet? schemas, CancellationToken cancellationToken = default)
    {
        var results = await RunAsync(1, 1, (engine, _) => engine.Call(method, requestJson, schemas, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Registers <paramref name="schemas"/> in one engine and returns what the shim reported about it (unknown types, bad defaults).</summary>
    public async Task<IReadOnlyList<string>> RegisterSchemaAsync(SchemaSet schemas, CancellationToken cancellationToken = default)
    {
        if (_schemaProblems.TryGetValue(schemas.Fingerprint, out var known))
        {
            return known;
        }
        await RunAsync(1, 1, (engine, _) =>
        {
            engine.EnsureRegistered(schemas, cancellationToken);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return _schemaProblems.GetValueOrDefault(schemas.Fingerprint) ?? [];
    }

    private void RecordSchemaProblems(string fingerprint, IReadOnlyList<string> problems) => _schemaProblems[fingerprint] = problems;

    /// <summary>
    /// Runs <paramref name="work"/> for items 0..<paramref name="itemCount"/>-1 on up to <paramref name="workers"/>
    /// engines; each worker takes the next item as soon as its engine is free, so uneven items balance out. A worker
    /// whose engine was marked <see cref="PooledEngine.Broken"/> carries on with a fresh one.
    /// </summary>
    internal async Task<T[]> RunAsync<T>(int itemCount, int workers, Func<PooledEngine, int, T> work, CancellationToken cancellationToken)
    {
        var results = new T[itemCount];
        var next = -1;
        workers = Math.Clamp(workers, 1, Math.Min(_options.MaxEngines, Math.Max(1, itemCount)));
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var grow = w > 0;
            tasks[w] = Task.Run(async () =>
            {
                var engine = await AcquireAsync(grow, cancellationToken).ConfigureAwait(false);
                try
                {
                    for (var item = Interlocked.Increment(ref next); item < itemCount; item = Interlocked.Increment(ref next))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        results[item] = work(engine, item);
                        if ((engine.Broken || engine.Worn) && item + 1 < itemCount)
                        {
                            Release(engine);
                            engine = await AcquireAsync(grow: true, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    engine.Broken = true;
                    throw;
                }
                finally
                {
                    Release(engine);
                }
            }, cancellationToken);
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// Takes a free engine. With <paramref name="grow"/> (or when none exists yet) a new engine is started in the
    /// background if the maximum allows; the caller then gets whichever engine becomes free first.
    /// </summary>
    private Task<PooledEngine> AcquireAsync(bool grow, CancellationToken cancellationToken)
    {
        TaskCompletionSource<PooledEngine> waiter;
        var start = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return Task.FromResult(idle);
            }
            var total = _engines.Count + _starting;
            if ((grow || total == 0) && total < _options.MaxEngines)
            {
                _starting++;
                start = true;
            }
            waiter = new TaskCompletionSource<PooledEngine>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }
        if (start)
        {
            _ = Task.Run(StartEngine, CancellationToken.None);
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            _ = waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return waiter.Task;
    }

    private void StartEngine()
    {
        PooledEngine engine;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            engine = new PooledEngine(_options.CreateHost(), RecordSchemaProblems);
            Interlocked.Increment(ref _created);
            Interlocked.Add(ref _startTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        }
        catch (Exception e)
        {
            List<TaskCompletionSource<PooledEngine>> orphans = [];
            lock (_gate)
            {
                _starting--;
                // Nobody else can serve the waiters: fail them with the reason rather than let them hang.
                if (_engines.Count + _starting == 0)
                {
                    orphans.AddRange(_waiters);
                    _waiters.Clear();
                }
            }
            var failure = e as KqlHostException ?? new KqlHostException("Starting the KQL analyzer engine failed: " + e.Message, e);
            orphans.ForEach(w => w.TrySetException(failure));
            return;
        }
        lock (_gate)
        {
            _starting--;
            _engines.Add(engine);
        }
        Release(engine);
    }

    private void Release(PooledEngine engine)
    {
        bool discard = false, replace = false;
        lock (_gate)
        {
            if (_disposed || engine.Broken || engine.Worn)
            {
                _engines.Remove(engine);
                discard = true;
                // Callers still waiting must not be left without an engine.
                replace = !_disposed && _waiters.Count > 0 && _engines.Count + _starting < _options.MaxEngines;
                if (replace)
                {
                    _starting++;
                }
            }
            else
            {
                while (_waiters.TryDequeue(out var waiter))
                {
                    if (waiter.TrySetResult(engine))
                    {
                        return;
                    }
                }
                _idle.Push(engine);
            }
        }
        if (discard)
        {
            engine.Dispose();
        }
        if (replace)
        {
            _ = Task.Run(StartEngine, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        List<PooledEngine> idle;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            foreach (var engine in idle)
            {
                _engines.Remove(engine);
            }
            foreach (var waiter in _waiters)
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(KqlHostPool)));
            }
            _waiters.Clear();
        }
        // Busy engines are disposed when their call returns them (Release sees _disposed); starting ones likewise.
        idle.ForEach(e => e.Dispose());
    }
}
