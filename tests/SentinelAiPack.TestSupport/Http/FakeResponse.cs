using System.Text.Json.Nodes;

namespace SentinelAiPack.TestSupport.Http;

/// <summary>What a fake answers; the server may still alter it (fault injection) before writing.</summary>
public sealed class FakeResponse
{
    /// <summary>Creates a response.</summary>
    public FakeResponse(int status, string? body = null)
    {
        Status = status;
        Body = body;
    }

    /// <summary>HTTP status.</summary>
    public int Status { get; }

    /// <summary>JSON text, or null for no body.</summary>
    public string? Body { get; }

    /// <summary>Extra headers (Retry-After, Location, Azure-AsyncOperation, …).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON answer.</summary>
    public static FakeResponse Json(int status, JsonNode body) => new(status, body.ToJsonString());

    /// <summary>No body (204, or the documented empty 200).</summary>
    public static FakeResponse Empty(int status) => new(status);

    /// <summary>The documented error body <c>{"error":{"code","message"[,"innererror"]}}</c>.</summary>
    public static FakeResponse Error(int status, string code, string message, JsonObject? innerError = null, JsonArray? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerError is not null)
        {
            error["innererror"] = innerError;
        }

        if (details is not null)
        {
            error["details"] = details;
        }

        return Json(status, new JsonObject { ["error"] = error });
    }

    /// <summary>Adds a header and returns this response.</summary>
    public FakeResponse With(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
