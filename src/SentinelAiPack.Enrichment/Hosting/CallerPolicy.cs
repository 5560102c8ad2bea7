namespace SentinelAiPack.Enrichment.Hosting;

/// <summary>
/// Who may call the HTTP functions. Default deny: only the listed managed identities (object id <c>oid</c> and client
/// id <c>azp</c>/<c>appid</c>), each with an access token Entra's v2 endpoint issued for the Function App's registration:
/// issuer <c>{authority}{tenant}/v2.0</c>, audience the registration's client id (a v2 token's <c>aud</c> is always
/// the client id, whatever App ID URI the caller asked for).
/// </summary>
public sealed record CallerPolicy
{
    /// <summary>Entra tenant of the Function App's registration and of its callers.</summary>
    public required string TenantId { get; init; }

    /// <summary>Client id of the Function App's Entra registration: the v2 audience.</summary>
    public required string ClientId { get; init; }

    /// <summary>Object ids (service principal <c>oid</c>) allowed to call; empty allows nobody.</summary>
    public required IReadOnlyList<string> AllowedObjectIds { get; init; }

    /// <summary>Client ids (<c>azp</c> in v2 tokens, <c>appid</c> in v1) allowed to call; empty allows nobody.</summary>
    public required IReadOnlyList<string> AllowedApplicationIds { get; init; }

    /// <summary>The login host, e.g. <c>https://login.microsoftonline.com/</c> (another in sovereign clouds).</summary>
    public Uri Authority { get; init; } = new("https://login.microsoftonline.com/");

    /// <summary>The issuer of the tenant's v2 tokens.</summary>
    public string Issuer => $"{Authority.AbsoluteUri.TrimEnd('/')}/{TenantId}/v2.0";

    /// <summary>Where the signing keys are published (OpenID Connect discovery of the v2 endpoint).</summary>
    public Uri MetadataAddress => new($"{Issuer}/.well-known/openid-configuration");
}
