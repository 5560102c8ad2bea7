using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SentinelAiPack.Enrichment;
using SentinelAiPack.Enrichment.Hosting;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Functions;

/// <summary>
/// Adapts an HTTP trigger to <see cref="EnrichmentRequestHandler"/>: the caller check first (<see cref="CallerAuthorization"/>:
/// 401 without a valid v2 token of the tenant for the Function App, 403 for a caller that is not an allowed playbook
/// identity, before anything is read), then the body, status, JSON answer and one log line.
/// </summary>
internal static class EnrichmentHttp
{
    public static async Task<IActionResult> RunAsync(
        HttpRequest request, EnricherHost host, Func<EnricherHost, Func<string?, CancellationToken, Task<EnrichmentOutcome>>> enricher, ILogger logger, CancellationToken cancellationToken)
    {
        EnrichmentHttpResult result;
        try
        {
            var decision = host.RequireCallerIdentity
                ? await host.Callers.AuthorizeAsync(request.Headers.Authorization.ToString(), request.Headers[CallerAuthorization.PrincipalIdHeader].ToString(), cancellationToken).ConfigureAwait(false)
                : null;
            if (decision is { Allowed: false })
            {
                logger.LogWarning("Enrichment request refused {Status}: {Reason}", decision.Status, decision.Reason);
                result = Error(decision.Status, decision.Status == 401 ? "Unauthorized" : "Forbidden", decision.Reason);
            }
            else
            {
                result = await EnrichmentRequestHandler.HandleAsync(request.Body, (id, ct) => enricher(host)(id, ct), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (EnrichmentConfigurationException ex)
        {
            result = Error(500, "Configuration", ex.Message);
        }

        logger.LogInformation("Enrichment request answered {Status}", result.Status);
        return new ContentResult { StatusCode = result.Status, Content = result.Json, ContentType = "application/json; charset=utf-8" };
    }

    private static EnrichmentHttpResult Error(int status, string code, string message) =>
        new(status, System.Text.Json.JsonSerializer.Serialize(new { error = new { code, message } }));
}
