using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace SentinelAiPack.TestSupport.Identity;

/// <summary>
/// Issues unsigned JWTs (<c>alg: none</c>) whose <c>aud</c> is the requested scope's resource, the way Entra ID maps
/// <c>https://api.loganalytics.io/.default</c> to audience <c>https://api.loganalytics.io</c>. Records every request.
/// </summary>
public sealed class FakeTokenCredential : TokenCredential
{
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<string> _scopes = new();

    /// <summary>Creates the credential; tokens expire one day after issue on <paramref name="clock"/>.</summary>
    public FakeTokenCredential(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>When set, every token carries this audience whatever was asked (to test wrong-audience handling).</summary>
    public string? ForcedAudience { get; set; }

    /// <summary>Scopes requested so far.</summary>
    public IReadOnlyList<string> RequestedScopes => _scopes.ToList();

    /// <summary>Every token issued so far (to check none of them leaks into logs or messages).</summary>
    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Issue(requestContext);

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Issue(requestContext));

    /// <summary>The audience Entra ID would put in a token for <paramref name="scope"/>.</summary>
    public static string AudienceOf(string scope)
    {
        var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
        return resource.TrimEnd('/');
    }

    private AccessToken Issue(TokenRequestContext context)
    {
        var scope = context.Scopes.Single();
        _scopes.Enqueue(scope);
        var now = _clock.GetUtcNow();
        var expires = now.AddDays(1);
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["aud"] = ForcedAudience ?? AudienceOf(scope),
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = Guid.NewGuid().ToString(),
            ["appid"] = "fake-test-client",
        };
        var token = $"{Encode(header)}.{Encode(payload)}.";
        IssuedTokens.Enqueue(token);
        return new AccessToken(token, expires);
    }

    private static string Encode(JsonObject node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
