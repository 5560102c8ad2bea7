using System.Net.Http.Headers;
using System.Text.Json;
using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.Identity;

/// <summary>
/// Fetches a GitHub Actions OIDC token for the Entra ID token exchange audience
/// (<c>api://AzureADTokenExchange</c>), as GitHub documents for <c>ACTIONS_ID_TOKEN_REQUEST_URL</c>.
/// </summary>
internal sealed class GitHubOidcAssertion
{
    private const string Audience = "api://AzureADTokenExchange";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Uri _requestUrl;
    private readonly string _requestToken;

    public GitHubOidcAssertion(Uri requestUrl, string requestToken)
    {
        _requestUrl = requestUrl;
        _requestToken = requestToken;
    }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(_requestUrl.Query) ? "?" : "&";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_requestUrl.AbsoluteUri + separator + "audience=" + Uri.EscapeDataString(Audience)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _requestToken);
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new AzureCredentialException("GitHub OIDC token request", $"HTTP {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new AzureCredentialException("GitHub OIDC token request", "answer has no 'value'");
    }
}
