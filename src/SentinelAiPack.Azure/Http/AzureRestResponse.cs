using System.Net;
using System.Net.Http.Headers;

namespace SentinelAiPack.Azure.Http;

/// <summary>A fully read response: status, the headers we need, and the body bytes.</summary>
internal sealed record AzureRestResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders, byte[] Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : ContentHeaders is not null && ContentHeaders.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault()
        : null;

    public string? RequestId => Header("x-ms-request-id") ?? Header("x-ms-correlation-request-id") ?? Header("x-ms-client-request-id");
}
