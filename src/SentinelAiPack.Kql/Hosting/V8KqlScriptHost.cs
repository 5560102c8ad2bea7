using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>In-process host: the bundle runs in a ClearScript V8 engine.</summary>
public sealed class V8KqlScriptHost : IKqlScriptHost
{
    private readonly V8ScriptEngine _engine;
    private readonly ScriptObject _call;

    public V8KqlScriptHost(KustoBundle bundle)
    {
        bundle.EnsureExists();
        _engine = new V8ScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
        try
        {
            _engine.Execute(new DocumentInfo("bridge.min.js"), File.ReadAllText(bundle.BridgeRuntime));
            _engine.Execute(new DocumentInfo("Kusto.Language.Bridge.min.js"), File.ReadAllText(bundle.KustoLanguage));
            foreach (var shim in bundle.ShimFiles)
            {
                _engine.Execute(new DocumentInfo(Path.GetFileName(shim)), File.ReadAllText(shim));
            }
            _call = (ScriptObject)_engine.Evaluate("(function (m, r) { return aipack.call(m, r); })");
        }
        catch (ScriptEngineException e)
        {
            _engine.Dispose();
            throw new KqlHostException("Loading the Kusto.Language bundle into V8 failed: " + Shorten(e.Message), e);
        }
    }

    public string Call(string method, string requestJson)
    {
        var json = (string)_call.Invoke(false, method, requestJson);
        return ScriptResponse.Unwrap(method, json);
    }

    public void Dispose() => _engine.Dispose();

    // Script errors from minified bundles can quote whole source lines; keep messages readable.
    private static string Shorten(string message) => message.Length <= 500 ? message : message[..500] + "...";
}
