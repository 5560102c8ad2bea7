using System.Text.Json;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>Unwraps the dispatcher's <c>{"result": ...}</c> / <c>{"error": "..."}</c> envelope.</summary>
internal static class ScriptResponse
{
    public static string Unwrap(string method, string envelopeJson)
    {
        using var doc = JsonDocument.Parse(envelopeJson);
        if (doc.RootElement.TryGetProperty("error", out var error))
        {
            throw new KqlHostException($"The KQL shim failed in '{method}': {error.GetString()}");
        }
        return doc.RootElement.GetProperty("result").GetRawText();
    }
}
