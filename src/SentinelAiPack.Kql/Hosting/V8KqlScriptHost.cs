using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>In-process host: the bundle runs in a ClearScript V8 engine, compiled through a persisted code cache.</summary>
public sealed class V8KqlScriptHost : IKqlScriptHost
{
    private readonly V8ScriptEngine _engine;
    private readonly ScriptObject _call;

    /// <param name="bundle">The bundle and shim to load.</param>
    /// <param name="codeCache">Where compiled code is cached between processes; null compiles from source every time.</param>
    public V8KqlScriptHost(KustoBundle bundle, V8CodeCache? codeCache = null)
    {
        bundle.EnsureExists();
        ApplyGlobalFlags();
        _engine = new V8ScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
        try
        {
            foreach (var script in bundle.ScriptFiles)
            {
                Run(script, File.ReadAllText(script), codeCache);
            }
            _call = (ScriptObject)_engine.Evaluate("(function (m, r) { return aipack.call(m, r); })");
        }
        catch (ScriptEngineException e)
        {
            _engine.Dispose();
            throw new KqlHostException("Loading the Kusto.Language bundle into V8 failed: " + Shorten(e.Message), e);
        }
    }

    public KqlHostKind Kind => KqlHostKind.V8;

    public int Incarnation => 0;

    public string Call(string method, string requestJson, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var interrupt = cancellationToken.CanBeCanceled ? cancellationToken.Register(_engine.Interrupt) : default;
        try
        {
            var json = (string)_call.Invoke(false, method, requestJson);
            return ScriptResponse.Unwrap(method, json);
        }
        catch (ScriptInterruptedException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The KQL analysis was cancelled.", e, cancellationToken);
        }
        catch (ScriptEngineException e)
        {
            throw new KqlHostException($"The KQL shim failed in '{method}': " + Shorten(e.Message), e);
        }
    }

    public long? HeapSizeBytes => (long)_engine.GetRuntimeHeapInfo().TotalHeapSize;

    public void CollectGarbage() => _engine.CollectGarbage(exhaustive: true);

    public void Dispose() => _engine.Dispose();

    // Measurement knob (docs/performance.md): AIPACK_V8_FLAGS=nobg (no background work), nojit (interpreter only) or
    // raw V8 flags (--lite-mode, ...), comma-separated; V8 reads the flags once, before its first engine.
    private static int s_flagsApplied;

    private static void ApplyGlobalFlags()
    {
        if (Interlocked.Exchange(ref s_flagsApplied, 1) == 1 || Environment.GetEnvironmentVariable("AIPACK_V8_FLAGS") is not { Length: > 0 } text)
        {
            return;
        }
        var flags = V8GlobalFlags.None;
        var raw = new List<string>();
        foreach (var flag in text.Split(',').Select(f => f.Trim()))
        {
            flags |= flag switch
            {
                "nobg" => V8GlobalFlags.DisableBackgroundWork,
                "nojit" => V8GlobalFlags.DisableJITCompilation,
                _ => V8GlobalFlags.None,
            };
            if (flag.StartsWith("--", StringComparison.Ordinal))
            {
                raw.Add(flag);
            }
        }
        V8Settings.GlobalFlags |= flags;
        if (raw.Count > 0)
        {
            V8NativeFlags.Set(string.Join(' ', raw));
        }
    }

    // Only the two large bundle files are worth caching; the small shim files compile in microseconds.
    private void Run(string path, string code, V8CodeCache? codeCache)
    {
        var document = new DocumentInfo(Path.GetFileName(path));
        if (codeCache is null || code.Length < 100_000)
        {
            _engine.Execute(document, code);
            return;
        }
        var cachePath = codeCache.PathFor(document.Name, code);
        var cacheBytes = codeCache.TryLoad(cachePath);
        using var script = _engine.Compile(document, code, V8CacheKind.Code, ref cacheBytes, out var result);
        if (result is V8CacheResult.Updated && cacheBytes is { Length: > 0 })
        {
            codeCache.Store(cachePath, cacheBytes);
        }
        _engine.Execute(script);
    }

    // Script errors from minified bundles can quote whole source lines; keep messages readable.
    private static string Shorten(string message) => message.Length <= 500 ? message : message[..500] + "...";
}
