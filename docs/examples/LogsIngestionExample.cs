// EXAMPLE ONLY - not part of the pack's toolchain. It shows how an AI application writes the SentinelAiPack custom
// tables AIConversationTurn_CL and AIToolCall_CL through the Azure Monitor Logs Ingestion API. The test project
// compiles it and checks that the rows it sends have exactly the columns of the data collection rule streams.
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;

namespace SentinelAiPack.Examples;

/// <summary>Posts rows to the data collection rules deployed by the pack's custom-tables ARM template.</summary>
public sealed class AiTelemetryClient(Uri logsIngestionEndpoint, string turnRuleImmutableId, string toolCallRuleImmutableId,
    HttpClient http, TokenCredential credential)
{
    private const string ApiVersion = "2023-01-01";

    // Token audience of the Logs Ingestion API; the identity needs "Monitoring Metrics Publisher" on each DCR.
    private static readonly string[] Scopes = ["https://monitor.azure.com//.default"];

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>DefaultAzureCredential: managed identity in Azure, developer sign-in locally.</summary>
    public static AiTelemetryClient Create(Uri logsIngestionEndpoint, string turnRuleImmutableId, string toolCallRuleImmutableId) =>
        new(logsIngestionEndpoint, turnRuleImmutableId, toolCallRuleImmutableId, new HttpClient(), new DefaultAzureCredential());

    public Task SendTurnsAsync(IReadOnlyList<ConversationTurnRow> rows, CancellationToken cancellationToken) =>
        PostAsync(turnRuleImmutableId, "Custom-AIConversationTurn_CL", rows, cancellationToken);

    public Task SendToolCallsAsync(IReadOnlyList<ToolCallRow> rows, CancellationToken cancellationToken) =>
        PostAsync(toolCallRuleImmutableId, "Custom-AIToolCall_CL", rows, cancellationToken);

    /// <summary>The request body: a JSON array of rows (keep one call under 1 MB; batch larger volumes).</summary>
    public static string ToBody<T>(IReadOnlyList<T> rows) => JsonSerializer.Serialize(rows, Json);

    private async Task PostAsync<T>(string ruleImmutableId, string stream, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken).ConfigureAwait(false);
        var uri = new Uri(logsIngestionEndpoint, $"dataCollectionRules/{ruleImmutableId}/streams/{stream}?api-version={ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        request.Content = new StringContent(ToBody(rows), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode(); // 204 No Content when accepted
    }
}

/// <summary>One message of a conversation; property names are the column names of AIConversationTurn_CL.</summary>
public sealed record ConversationTurnRow
{
    public const int ContentCap = 8000;

    public required DateTimeOffset TimeGenerated { get; init; }
    public required string AppName { get; init; }
    public string? AgentName { get; init; }
    public required string SessionId { get; init; }
    public required string ConversationId { get; init; }
    public required int TurnIndex { get; init; }
    public required string MessageId { get; init; }
    public required string Role { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string UserObjectId { get; init; }
    public string? ClientIp { get; init; }
    public required string Deployment { get; init; }
    public string? ModelName { get; init; }
    public required string Content { get; init; }
    public bool ContentTruncated { get; init; }
    public required string ContentSha256 { get; init; }
    public required int ContentLength { get; init; }
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }
    public required string DeliveryStatus { get; init; }
    public string? FinishReason { get; init; }
    public string[]? ToolCallIds { get; init; }
    public string? OperationId { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Builds a row from the full message text: caps Content and hashes the full text.</summary>
    public static ConversationTurnRow ForMessage(string text, Func<string, string, bool, int, ConversationTurnRow> build)
    {
        var truncated = text.Length > ContentCap;
        return build(truncated ? text[..ContentCap] : text, Sha256Hex(text), truncated, text.Length);
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

/// <summary>One tool invocation; property names are the column names of AIToolCall_CL.</summary>
public sealed record ToolCallRow
{
    public required DateTimeOffset TimeGenerated { get; init; }
    public required string AppName { get; init; }
    public required string AgentName { get; init; }
    public required string SessionId { get; init; }
    public required string ConversationId { get; init; }
    public required int TurnIndex { get; init; }
    public required string ToolCallId { get; init; }
    public required string ToolName { get; init; }
    public required string ToolCategory { get; init; }
    public required string ActionKind { get; init; }
    public required JsonElement Arguments { get; init; }
    public required string PrimaryTarget { get; init; }
    public required string TargetType { get; init; }
    public string? TargetDomain { get; init; }
    public required string ResultStatus { get; init; }
    public required string ApprovalStatus { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string UserObjectId { get; init; }
    public double? DurationMs { get; init; }
    public string? OperationId { get; init; }
}
