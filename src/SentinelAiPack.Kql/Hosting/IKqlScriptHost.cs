namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// One JavaScript engine that has loaded the official Kusto.Language bundle and our shim.
/// Hosts are single-threaded: callers serialize access (see <see cref="KqlHostPool"/>).
/// </summary>
public interface IKqlScriptHost : IDisposable
{
    /// <summary>Calls a shim handler by name with a JSON request; returns the JSON result or throws <see cref="KqlHostException"/>.</summary>
    string Call(string method, string requestJson);
}
