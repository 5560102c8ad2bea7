using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>An engine of the pool and the schema sets registered in it (registration is per engine).</summary>
internal sealed class PooledEngine(IKqlScriptHost host, Action<string, IReadOnlyList<string>> onRegistered) : IDisposable
{
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private int _incarnation = host.Incarnation;

    public IKqlScriptHost Host { get; } = host;

    /// <summary>Set when the engine must not be reused (a cancelled call may leave it mid-script).</summary>
    public bool Broken { get; set; }

    /// <summary>Set when the engine served its share (see <see cref="KqlHostPoolOptions.RecycleAfterRequests"/>): it is replaced when released.</summary>
    public bool Worn { get; private set; }

    public int RequestsServed { get; private set; }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("AIPACK_KQL_TRACE") == "1";
    private static int s_ids;
    private readonly int _id = Interlocked.Increment(ref s_ids);

    /// <summary>Counts <paramref name="requests"/> analyzed by the last call and retires the engine once it passed a recycling limit.</summary>
    public void NoteServed(int requests, KqlHostPoolOptions options, TimeSpan elapsed)
    {
        RequestsServed += requests;
        var heap = Host.HeapSizeBytes;
        if (heap > options.CollectAboveHeapBytes)
        {
            Host.CollectGarbage();
            heap = Host.HeapSizeBytes;
        }
        if (RequestsServed >= options.RecycleAfterRequests || heap > options.RecycleAboveHeapBytes)
        {
            Worn = true;
        }
        if (Trace)
        {
            Console.Error.WriteLine(
                $"[kql engine {_id}] served {RequestsServed} ({requests} in {elapsed.TotalMilliseconds:0} ms), heap {heap / (1024 * 1024)} MB, process {Environment.WorkingSet / (1024 * 1024)} MB{(Worn ? ", recycling" : "")}");
        }
    }

    /// <summary>
    /// Calls <paramref name="method"/> after registering <paramref name="schemas"/> if needed. With a
    /// <paramref name="timeout"/>, a call still running when it expires is interrupted, the engine is marked
    /// <see cref="Broken"/> (an interrupted script may leave state half-changed) and <see cref="TimeoutException"/> is thrown.
    /// </summary>
    public string Call(string method, string requestJson, SchemaSet? schemas, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        if (timeout is not { } limit)
        {
            return CallOnce(method, requestJson, schemas, cancellationToken);
        }
        if (schemas is not null)
        {
            EnsureRegistered(schemas, cancellationToken); // registration is not part of the time budget
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return CallOnce(method, requestJson, schemas, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Broken = true;
            throw new TimeoutException($"The KQL analyzer did not finish within {limit.TotalSeconds:0.#} s.");
        }
    }

    private string CallOnce(string method, string requestJson, SchemaSet? schemas, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (schemas is not null)
            {
                EnsureRegistered(schemas, cancellationToken);
            }
            try
            {
                return Host.Call(method, requestJson, cancellationToken);
            }
            catch (KqlHostException) when (attempt == 0 && Host.Incarnation != _incarnation)
            {
                // The engine was restarted under this call (a node child died earlier): register again and retry once.
            }
        }
    }

    /// <summary>Registers <paramref name="schemas"/> unless this engine already has it; the shim's problems list goes to the pool.</summary>
    public void EnsureRegistered(SchemaSet schemas, CancellationToken cancellationToken)
    {
        ForgetIfRestarted();
        var key = schemas.Fingerprint;
        if (_registered.Contains(key))
        {
            return;
        }
        var response = Host.Call("registerSchema", SchemaRegistration.ToJson(schemas), cancellationToken);
        ForgetIfRestarted();
        _registered.Add(key);
        var problems = System.Text.Json.JsonSerializer.Deserialize(response, ShimJson.Default.RegisterSchemaResponse)?.Problems ?? [];
        onRegistered(key, problems);
    }

    private void ForgetIfRestarted()
    {
        if (Host.Incarnation != _incarnation)
        {
            _registered.Clear();
            _incarnation = Host.Incarnation;
        }
    }

    public void Dispose() => Host.Dispose();
}
