using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.Arm;

/// <summary>What every Azure Resource Manager endpoint shares: audience, api-version and their error bodies.</summary>
internal static class ArmContract
{
    public const string Audience = "https://management.azure.com";

    public static FakeResponse WrongAudience(string? audience) => FakeResponse.Error(
        401,
        "InvalidAuthenticationTokenAudience",
        $"The access token has been obtained for wrong audience or resource '{audience}'. It should exactly match with one of the allowed audiences "
        + "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.");

    /// <summary>Checks the api-version, then runs <paramref name="handle"/> under <paramref name="gate"/> (fakes keep state).</summary>
    public static Task<FakeResponse> Serve(FakeRequest request, string apiVersion, object gate, Func<FakeRequest, FakeResponse> handle)
    {
        if (CheckApiVersion(request, apiVersion) is { } problem)
        {
            return Task.FromResult(problem);
        }

        lock (gate)
        {
            return Task.FromResult(handle(request));
        }
    }

    /// <summary>Null when the request carries the expected api-version; otherwise the documented 400.</summary>
    public static FakeResponse? CheckApiVersion(FakeRequest request, string expected)
    {
        if (!request.Query.TryGetValue("api-version", out var version))
        {
            return FakeResponse.Error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }

        return version == expected
            ? null
            : FakeResponse.Error(400, "NoRegisteredProviderFound", $"No registered resource provider found for API version '{version}' (this fake serves '{expected}').");
    }
}
