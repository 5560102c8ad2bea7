namespace SentinelAiPack.TestSupport.Http;

/// <summary>One faked Azure API hosted by a <see cref="LoopbackHttpsServer"/>.</summary>
public interface IFakeAzureApi
{
    /// <summary>The token audience this API accepts (the real service's resource URI, without trailing slash).</summary>
    string ExpectedAudience { get; }

    /// <summary>False for public endpoints (OpenID Connect discovery and signing keys) that take no token.</summary>
    bool RequiresToken => true;

    /// <summary>True when this API serves the request's path.</summary>
    bool Matches(FakeRequest request);

    /// <summary>The API's documented answer to a token for the wrong audience.</summary>
    FakeResponse WrongAudience(string? audience);

    /// <summary>Serves the request.</summary>
    Task<FakeResponse> HandleAsync(FakeRequest request);
}
