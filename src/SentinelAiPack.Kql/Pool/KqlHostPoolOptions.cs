using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql;

/// <summary>How many engines a <see cref="KqlHostPool"/> may run and how they are made.</summary>
public sealed record KqlHostPoolOptions
{
    /// <summary>Upper bound on engines (each is single-threaded and costs 75–130 MB); default one per core.</summary>
    public int MaxEngines { get; init; } = Environment.ProcessorCount;

    /// <summary>A batch gets one more engine per this many requests, up to <see cref="MaxEngines"/>.</summary>
    public int RequestsPerExtraEngine { get; init; } = 32;

    /// <summary>V8 or node; null means <c>AIPACK_KQL_HOST</c> or the automatic choice (see <see cref="KqlHostFactory"/>).</summary>
    public KqlHostKind? HostKind { get; init; }

    public KustoBundle Bundle { get; init; } = KustoBundle.Default;

    /// <summary>Root of the persisted code cache; null means <see cref="AipackCacheDirectory.Resolve"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Load the bundle through the persisted V8 code cache (faster cold start).</summary>
    public bool UseCodeCache { get; init; } = true;

    /// <summary>
    /// An engine is replaced by a fresh one once it has analyzed this many queries; null (the default) never. Measured on
    /// real content (docs/performance.md): recycling every 400 queries did not lower the peak, which lies outside the
    /// JavaScript heap, and cost a restart each time.
    /// </summary>
    public int? RecycleAfterRequests { get; init; }

    /// <summary>A full collection runs after a call that leaves the JavaScript heap above this many bytes; null never.</summary>
    public long? CollectAboveHeapBytes { get; init; }

    /// <summary>
    /// An engine whose JavaScript heap exceeds this many bytes after a call (and collection) is replaced; null never. A
    /// safety net: on the ~2,400 real Azure-Sentinel items no engine's heap passed 300 MB.
    /// </summary>
    public long? RecycleAboveHeapBytes { get; init; } = 384L * 1024 * 1024;

    /// <summary>Replaces engine creation (tests, benchmarks); null uses <see cref="KqlHostFactory"/>.</summary>
    public Func<IKqlScriptHost>? HostFactory { get; init; }

    internal IKqlScriptHost CreateHost() =>
        HostFactory?.Invoke() ?? KqlHostFactory.Create(Bundle, HostKind, UseCodeCache ? CacheDirectory ?? AipackCacheDirectory.Resolve() : null);
}
