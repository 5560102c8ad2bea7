namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// The one place that decides which engine runs the analyzer: <c>AIPACK_KQL_HOST=v8|node</c> when set, otherwise
/// V8 in-process, falling back to a node child when the V8 native library cannot be loaded on this platform.
/// </summary>
public static class KqlHostFactory
{
    public const string EnvironmentVariable = "AIPACK_KQL_HOST";

    private static volatile bool s_v8Unavailable;

    /// <summary>The host kind requested through the environment, or null for automatic selection.</summary>
    public static KqlHostKind? RequestedKind()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim();
        return value?.ToLowerInvariant() switch
        {
            null or "" or "auto" => null,
            "v8" => KqlHostKind.V8,
            "node" => KqlHostKind.Node,
            _ => throw new KqlHostException($"{EnvironmentVariable}='{value}' is not valid; use 'v8' or 'node'."),
        };
    }

    /// <summary>Creates one engine of <paramref name="kind"/> (or the automatic choice) with the code cache under <paramref name="cacheDirectory"/>.</summary>
    public static IKqlScriptHost Create(KustoBundle bundle, KqlHostKind? kind, string? cacheDirectory)
    {
        kind ??= RequestedKind();
        var nodeCache = cacheDirectory is null ? null : Path.Combine(cacheDirectory, "node-code");
        if (kind == KqlHostKind.Node || (kind is null && s_v8Unavailable))
        {
            return new NodeKqlScriptHost(bundle, nodeCache);
        }
        try
        {
            return CreateV8(bundle, cacheDirectory);
        }
        catch (Exception e) when (kind is null && IsMissingNativeLibrary(e))
        {
            s_v8Unavailable = true;
            return new NodeKqlScriptHost(bundle, nodeCache);
        }
    }

    // Kept apart so that a missing ClearScript assembly or native library surfaces here, not in the caller's JIT.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IKqlScriptHost CreateV8(KustoBundle bundle, string? cacheDirectory) =>
        new V8KqlScriptHost(bundle, cacheDirectory is null ? null : new V8CodeCache(Path.Combine(cacheDirectory, "v8-code")));

    private static bool IsMissingNativeLibrary(Exception e) => e switch
    {
        DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or TypeLoadException => true,
        TypeInitializationException { InnerException: { } inner } => IsMissingNativeLibrary(inner),
        _ => false,
    };
}
