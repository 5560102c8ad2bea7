using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Functions;

/// <summary>POST <c>/api/EnrichConversationContext</c> with <c>{"incidentArmId": "…"}</c>: the conversation-context enricher, for allowed callers only.</summary>
public sealed class EnrichConversationContext(EnricherHost host, ILogger<EnrichConversationContext> logger)
{
    [Function(nameof(EnrichConversationContext))]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request, CancellationToken cancellationToken) =>
        EnrichmentHttp.RunAsync(request, host, h => h.ConversationEnricher.EnrichAsync, logger, cancellationToken);
}
