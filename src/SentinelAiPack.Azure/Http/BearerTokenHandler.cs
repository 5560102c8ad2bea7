using System.Net.Http.Headers;
using Azure.Core;

namespace SentinelAiPack.Azure.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> for one scope, caching the token until five minutes before it expires.
/// The token only ever lives in the request header; nothing here logs.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _context;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public BearerTokenHandler(TokenCredential credential, string scope, TimeProvider clock)
    {
        _credential = credential;
        _context = new TokenRequestContext([scope]);
        _clock = clock;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_cached))
        {
            return _cached!.Value.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh(_cached))
            {
                _cached = await _credential.GetTokenAsync(_context, cancellationToken).ConfigureAwait(false);
            }

            return _cached!.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(AccessToken? token) =>
        token is { } value && value.ExpiresOn - RefreshMargin > _clock.GetUtcNow();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
