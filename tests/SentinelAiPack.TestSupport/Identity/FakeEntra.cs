using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.Identity;

/// <summary>
/// Entra ID's v2 endpoint as a caller check sees it: OpenID Connect discovery
/// (<c>/{tenant}/v2.0/.well-known/openid-configuration</c>) and the signing keys (<c>/{tenant}/discovery/v2.0/keys</c>),
/// plus access tokens signed with the published key (RS256) shaped like a managed identity's: <c>iss</c>
/// <c>{authority}{tenant}/v2.0</c>, <c>aud</c> the resource's client id, <c>oid</c>, <c>azp</c>, <c>tid</c>, <c>ver</c> 2.0.
/// </summary>
public sealed class FakeEntra : IFakeAzureApi, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly RSA _otherRsa = RSA.Create(2048);

    public FakeEntra(string tenantId)
    {
        TenantId = tenantId;
        _key = new RsaSecurityKey(_rsa) { KeyId = "fake-entra-key-1" };
    }

    public string TenantId { get; }

    /// <summary>Set once the hosting server started: https://127.0.0.1:{port}/</summary>
    public Uri Authority { get; set; } = new("https://127.0.0.1/");

    public string Issuer => $"{Authority.AbsoluteUri.TrimEnd('/')}/{TenantId}/v2.0";

    public string ExpectedAudience => string.Empty;

    public bool RequiresToken => false;

    public bool Matches(FakeRequest request) => request.Path.StartsWith($"/{TenantId}/", StringComparison.OrdinalIgnoreCase);

    public FakeResponse WrongAudience(string? audience) => FakeResponse.Error(400, "invalid_request", "No token is needed here.");

    public Task<FakeResponse> HandleAsync(FakeRequest request)
    {
        if (request.Path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            return Task.FromResult(FakeResponse.Json(200, new JsonObject
            {
                ["issuer"] = Issuer,
                ["token_endpoint"] = $"{Issuer.Replace("/v2.0", "/oauth2/v2.0", StringComparison.Ordinal)}/token",
                ["jwks_uri"] = $"{Authority.AbsoluteUri.TrimEnd('/')}/{TenantId}/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }));
        }

        if (request.Path.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal))
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Task.FromResult(FakeResponse.Json(200, new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = _key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                }),
            }));
        }

        return Task.FromResult(FakeResponse.Error(404, "not_found", "Unknown Entra path."));
    }

    /// <summary>
    /// An access token for <paramref name="audience"/> (a client id) naming the caller's object id and client id; the
    /// optional arguments make it wrong in one way (issuer, tenant, version, lifetime, or signed with a key not published).
    /// </summary>
    public string Token(string audience, string objectId, string clientId, string? issuer = null, string? tenant = null, string version = "2.0",
        TimeSpan? expiresIn = null, bool signWithUnpublishedKey = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["tid"] = tenant ?? TenantId,
            ["ver"] = version,
            [version == "2.0" ? "azp" : "appid"] = clientId,
            ["idtyp"] = "app",
        };
        var key = signWithUnpublishedKey ? new RsaSecurityKey(_otherRsa) { KeyId = _key.KeyId } : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
