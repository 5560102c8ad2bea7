namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// One JavaScript engine that has loaded the official Kusto.Language bundle and our shim.
/// Hosts are single-threaded: callers serialize access (see <see cref="KqlHostPool"/>).
/// </summary>
public interface IKqlScriptHost : IDisposable
{
    /// <summary>Which kind of engine this is.</summary>
    KqlHostKind Kind { get; }

    /// <summary>
    /// Increases whenever the engine lost its JavaScript state (a node child that died is restarted on the next
    /// call); schema registrations made before must then be repeated.
    /// </summary>
    int Incarnation { get; }

    /// <summary>
    /// Calls a shim handler by name with a JSON request; returns the JSON result or throws <see cref="KqlHostException"/>.
    /// Cancellation interrupts the running script and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    string Call(string method, string requestJson, CancellationToken cancellationToken = default);

    /// <summary>Bytes the engine's JavaScript heap holds now, where the host can tell (V8 in-process); null otherwise.</summary>
    long? HeapSizeBytes => null;

    /// <summary>Runs a full garbage collection where the host supports it (V8 in-process).</summary>
    void CollectGarbage()
    {
    }
}
