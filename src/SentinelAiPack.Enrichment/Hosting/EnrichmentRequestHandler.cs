using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.Hosting;

/// <summary>An HTTP answer: status code and a JSON body.</summary>
public sealed record EnrichmentHttpResult(int Status, string Json);

/// <summary>
/// The HTTP contract of the enrichment functions, independent of the Functions runtime: a POST body
/// <c>{"incidentArmId": "/subscriptions/…/Incidents/{id}"}</c> (what the Sentinel incident trigger gives the Logic App)
/// answers 200 with what was done (counts and names, never conversation content); 400 when the request is unusable
/// (retrying will not help); 503 when Sentinel or Log Analytics failed (the Logic App's retry policy retries, and the
/// deterministic comment id makes that safe); 500 when the app settings are invalid.
/// </summary>
public static class EnrichmentRequestHandler
{
    /// <summary>Largest body accepted; an incident id is a few hundred characters.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Handles one request body with <paramref name="enrich"/>.</summary>
    public static async Task<EnrichmentHttpResult> HandleAsync(
        Stream body, Func<string?, CancellationToken, Task<EnrichmentOutcome>> enrich, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(enrich);
        string? armId;
        try
        {
            armId = await ReadIncidentIdAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (EnrichmentRequestException ex)
        {
            return Error(400, ex.Message);
        }

        try
        {
            var outcome = await enrich(armId, cancellationToken).ConfigureAwait(false);
            return new EnrichmentHttpResult(200, Describe(outcome).ToJsonString());
        }
        catch (EnrichmentRequestException ex)
        {
            return Error(400, ex.Message);
        }
        catch (EnrichmentFailedException ex)
        {
            return Error(503, ex.Message);
        }
        catch (EnrichmentConfigurationException ex)
        {
            return Error(500, ex.Message);
        }
    }

    private static async Task<string?> ReadIncidentIdAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new EnrichmentRequestException($"The request body is larger than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("incidentArmId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : throw new EnrichmentRequestException("The body must be a JSON object with a string 'incidentArmId'.");
        }
        catch (JsonException)
        {
            throw new EnrichmentRequestException("The body is not valid JSON; send {\"incidentArmId\": \"…\"}.");
        }
    }

    private static JsonObject Describe(EnrichmentOutcome outcome) => new()
    {
        ["incidentId"] = outcome.IncidentId,
        ["enricher"] = outcome.Enricher,
        ["commentId"] = outcome.CommentId,
        ["commentCreated"] = outcome.CommentCreated,
        ["commentTruncated"] = outcome.CommentTruncated,
        ["commentLength"] = outcome.CommentLength,
        ["redactions"] = outcome.Redactions,
        ["tags"] = new JsonArray(outcome.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["escalate"] = outcome.Escalate,
        ["severityRaised"] = outcome.SeverityRaised,
        ["unavailableSections"] = new JsonArray(outcome.Gaps.Select(g => (JsonNode)JsonValue.Create(g.Section)!).ToArray()),
    };

    private static EnrichmentHttpResult Error(int status, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = status == 400 ? "BadRequest" : status == 503 ? "Unavailable" : "Configuration", ["message"] = message } }.ToJsonString());
}
