using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Functions;

/// <summary>POST <c>/api/EnrichConversationContext</c> with <c>{"incidentArmId": "…"}</c>: the conversation-context enricher.</summary>
public sealed class EnrichConversationContext(EnricherHost host, ILogger<EnrichConversationContext> logger)
{
    [Function(nameof(EnrichConversationContext))]
    public Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, CancellationToken cancellationToken) =>
        EnrichmentHttp.RunAsync(request, host, h => h.ConversationEnricher.EnrichAsync, logger, cancellationToken);
}
