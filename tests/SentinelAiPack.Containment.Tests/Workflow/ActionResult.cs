using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>How an action ended, with its outputs (<c>statusCode</c>, <c>headers</c>, <c>body</c> for HTTP-like actions).</summary>
public sealed record ActionResult(string Name, string Status, JsonObject? Outputs = null, string? Error = null)
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";
    public const string TimedOut = "TimedOut";

    /// <summary>What <c>actions('name')</c> returns.</summary>
    public JsonObject AsActionsObject() => new()
    {
        ["name"] = Name,
        ["status"] = Status,
        ["outputs"] = Outputs?.DeepClone(),
        ["error"] = Error is null ? null : new JsonObject { ["message"] = Error },
    };
}
