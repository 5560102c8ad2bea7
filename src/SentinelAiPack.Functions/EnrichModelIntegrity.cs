using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Functions;

/// <summary>POST <c>/api/EnrichModelIntegrity</c> with <c>{"incidentArmId": "…"}</c>: the model-integrity enricher, for allowed callers only.</summary>
public sealed class EnrichModelIntegrity(EnricherHost host, ILogger<EnrichModelIntegrity> logger)
{
    [Function(nameof(EnrichModelIntegrity))]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request, CancellationToken cancellationToken) =>
        EnrichmentHttp.RunAsync(request, host, h => h.IntegrityEnricher.EnrichAsync, logger, cancellationToken);
}
