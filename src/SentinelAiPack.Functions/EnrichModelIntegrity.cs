using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Functions;

/// <summary>POST <c>/api/EnrichModelIntegrity</c> with <c>{"incidentArmId": "…"}</c>: the model-integrity enricher.</summary>
public sealed class EnrichModelIntegrity(EnricherHost host, ILogger<EnrichModelIntegrity> logger)
{
    [Function(nameof(EnrichModelIntegrity))]
    public Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, CancellationToken cancellationToken) =>
        EnrichmentHttp.RunAsync(request, host, h => h.IntegrityEnricher.EnrichAsync, logger, cancellationToken);
}
