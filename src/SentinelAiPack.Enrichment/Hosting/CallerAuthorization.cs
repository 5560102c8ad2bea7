using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SentinelAiPack.Enrichment.Hosting;

/// <summary>The answer to "may this request run an enricher?": 0 to go on, else 401 or 403 with a reason safe to log.</summary>
public sealed record CallerDecision(int Status, string Reason)
{
    /// <summary>The caller may go on.</summary>
    public bool Allowed => Status == 0;

    internal static CallerDecision Allow(string oid) => new(0, $"caller {oid}");

    internal static CallerDecision Unauthenticated(string reason) => new(401, reason);

    internal static CallerDecision Forbidden(string reason) => new(403, reason);
}

/// <summary>
/// Checks the caller of an HTTP function itself, behind App Service authentication (which already enforces the same
/// allow-list in the Function App's authsettingsV2): the bearer token must be signed by one of the tenant's published
/// keys, unexpired, issued by the tenant's v2 endpoint for the Function App's client id, and name an allowed managed
/// identity in <c>oid</c> and <c>azp</c> (or <c>appid</c>). When App Service authentication forwarded the caller's
/// object id (<c>X-MS-CLIENT-PRINCIPAL-ID</c>), it must be the token's. Nothing from the token is echoed back.
/// </summary>
public sealed class CallerAuthorization
{
    /// <summary>Set by App Service authentication after it validated the caller's token; it strips any value a client sends.</summary>
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    private readonly CallerPolicy _policy;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> _keys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Uses <paramref name="keys"/> for the signing keys (by default the policy's OpenID Connect metadata).</summary>
    public CallerAuthorization(CallerPolicy policy, IConfigurationManager<OpenIdConnectConfiguration>? keys = null, HttpClient? metadataClient = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _keys = keys ?? new ConfigurationManager<OpenIdConnectConfiguration>(
            policy.MetadataAddress.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            metadataClient is null ? new HttpDocumentRetriever() : new HttpDocumentRetriever(metadataClient));
    }

    /// <summary>Decides on a request from its <c>Authorization</c> header and App Service's principal id header.</summary>
    public async Task<CallerDecision> AuthorizeAsync(string? authorization, string? appServicePrincipalId, CancellationToken cancellationToken)
    {
        if (_policy.AllowedObjectIds.Count == 0 || _policy.AllowedApplicationIds.Count == 0)
        {
            return CallerDecision.Forbidden("No caller is allowed: the allowed caller object ids and application ids must both be set.");
        }

        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length <= Bearer.Length)
        {
            return CallerDecision.Unauthenticated("No bearer token.");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Fail closed: without the tenant's keys no token can be trusted.
            return CallerDecision.Unauthenticated("The tenant's signing keys could not be read.");
        }

        var result = await _handler.ValidateTokenAsync(authorization[Bearer.Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = _policy.Issuer,
            ValidAudience = _policy.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(2),
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return CallerDecision.Unauthenticated($"The token was rejected ({result.Exception?.GetType().Name ?? "invalid"}): it must be a v2 token of tenant {_policy.TenantId} for client id {_policy.ClientId}.");
        }

        string? Claim(string name) => result.Claims.TryGetValue(name, out var value) ? value?.ToString() : null;
        var oid = Claim("oid");
        var app = Claim("azp") ?? Claim("appid");
        if (!string.Equals(Claim("tid"), _policy.TenantId, StringComparison.OrdinalIgnoreCase) || !string.Equals(Claim("ver"), "2.0", StringComparison.Ordinal))
        {
            return CallerDecision.Unauthenticated("The token is not a v2 token of the Function App's tenant.");
        }

        if (oid is null || !_policy.AllowedObjectIds.Contains(oid, StringComparer.OrdinalIgnoreCase))
        {
            return CallerDecision.Forbidden("The caller's object id is not an allowed playbook identity.");
        }

        if (app is null || !_policy.AllowedApplicationIds.Contains(app, StringComparer.OrdinalIgnoreCase))
        {
            return CallerDecision.Forbidden("The caller's application id is not an allowed playbook identity.");
        }

        if (appServicePrincipalId is { Length: > 0 } && !string.Equals(appServicePrincipalId, oid, StringComparison.OrdinalIgnoreCase))
        {
            return CallerDecision.Forbidden("App Service authentication identified another caller than the token names.");
        }

        return CallerDecision.Allow(oid);
    }
}
