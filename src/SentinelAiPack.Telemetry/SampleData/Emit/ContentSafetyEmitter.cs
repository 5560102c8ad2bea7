using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>Writes AIContentSafety_CL: one row per finding, or one Category None row for a clean text.</summary>
public sealed class ContentSafetyEmitter(GenerationContext ctx)
{
    public void Verdict(Conversation c, DateTime t, int turn, string textSource, string text, Finding? finding,
        string correlationId, string operationId, string? messageId = null, string? toolCallId = null, string? retrievalId = null,
        string? documentId = null)
    {
        var detector = finding?.Detector ?? (textSource is "UserPrompt" or "Document" or "ToolOutput" ? "PromptShields" : "ContentSafetyText");
        var snippet = text.Length > 500 ? text[..500] : text;
        if (finding is not null && finding.Category is "PII" or "Secret")
        {
            snippet = "[masked " + finding.Category + "] " + snippet[..Math.Min(snippet.Length, 60)];
        }

        ctx.Sink.Row("AIContentSafety_CL", t)
            .Str("AppName", c.App.Name).Str("AgentName", c.App.AgentName).Str("SessionId", c.SessionId)
            .Str("ConversationId", c.ConversationId).Int("TurnIndex", turn).Str("MessageId", messageId).Str("ToolCallId", toolCallId)
            .Str("RetrievalId", retrievalId).Str("DocumentId", documentId).Str("UserPrincipalName", c.User.Upn)
            .Str("UserObjectId", c.User.ObjectId).Str("ClientIp", c.ClientIp).Str("Deployment", c.App.Deployment.Name)
            .Str("TextSource", textSource).Str("Detector", detector).Str("Category", finding?.Category ?? "None")
            .Str("Severity", finding?.Severity ?? "Safe").Int("SeverityScore", finding?.SeverityScore ?? 0)
            .Bool("Detected", finding is not null).Str("Action", finding?.Action ?? "Allowed")
            .Str("PolicyName", c.App.Name + "-content-policy").Str("TextSha256", Hashing.Sha256Hex(text)).Str("TextSnippet", snippet)
            .Dyn("MatchedEntities", finding is { Entities.Count: > 0 } ? new JsonArray([.. finding.Entities.Select(e => (JsonNode?)e)]) : null)
            .Dyn("AnalysisResults", Results(detector, finding))
            .Str("OperationId", operationId).Str("CorrelationId", correlationId)
            .End();
    }

    private static JsonObject Results(string detector, Finding? finding)
    {
        if (detector == "PromptShields")
        {
            var attack = finding is not null;
            return new JsonObject { ["attackDetected"] = attack, ["filtered"] = attack && finding!.Action == "Blocked" };
        }

        var results = new JsonObject();
        foreach (var category in new[] { "hate", "sexual", "violence", "self_harm" })
        {
            var hit = finding is not null && string.Equals(finding.Category.Replace("SelfHarm", "self_harm", StringComparison.Ordinal), category, StringComparison.OrdinalIgnoreCase);
            results[category] = new JsonObject { ["severity"] = hit ? finding!.SeverityScore : 0, ["filtered"] = hit && finding!.Action == "Blocked" };
        }

        return results;
    }
}
