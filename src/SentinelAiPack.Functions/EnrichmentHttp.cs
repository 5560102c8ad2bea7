using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SentinelAiPack.Enrichment;
using SentinelAiPack.Enrichment.Hosting;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Functions;

/// <summary>Adapts an HTTP trigger to <see cref="EnrichmentRequestHandler"/>: caller check, body, status, JSON answer, one log line.</summary>
internal static class EnrichmentHttp
{
    // Set by App Service authentication after it validated the caller's token; it strips any value the client sent.
    private const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    public static async Task<HttpResponseData> RunAsync(
        HttpRequestData request, EnricherHost host, Func<EnricherHost, Func<string?, CancellationToken, Task<EnrichmentOutcome>>> enricher, ILogger logger, CancellationToken cancellationToken)
    {
        EnrichmentHttpResult result;
        var caller = request.Headers.TryGetValues(PrincipalIdHeader, out var values) ? values.FirstOrDefault() : null;
        if (host.RequireCallerIdentity && string.IsNullOrEmpty(caller))
        {
            result = new EnrichmentHttpResult(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"App Service authentication did not identify the caller.\"}}");
        }
        else if (host.AllowedCallers.Count > 0 && !host.AllowedCallers.Contains(caller ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            result = new EnrichmentHttpResult(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The caller is not an allowed playbook identity.\"}}");
        }
        else
        {
            try
            {
                result = await EnrichmentRequestHandler.HandleAsync(request.Body, (id, ct) => enricher(host)(id, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (EnrichmentConfigurationException ex)
            {
                result = new EnrichmentHttpResult(500, System.Text.Json.JsonSerializer.Serialize(new { error = new { code = "Configuration", message = ex.Message } }));
            }
        }

        logger.LogInformation("Enrichment request answered {Status}", result.Status);
        var response = request.CreateResponse((HttpStatusCode)result.Status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.WriteStringAsync(result.Json, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
