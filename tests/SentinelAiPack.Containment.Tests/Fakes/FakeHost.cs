using SentinelAiPack.Containment.Tests.Workflow;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Containment.Tests.Fakes;

/// <summary>The host a request was addressed to (the runner serves every host on one loopback port).</summary>
internal static class FakeHost
{
    public static string Of(FakeRequest request) =>
        request.Headers.TryGetValue(WorkflowRunner.OriginalHostHeader, out var host) ? host.ToLowerInvariant() : string.Empty;

    /// <summary>ARM's documented answer to a token for another audience.</summary>
    public static FakeResponse ArmWrongAudience(string? audience) => FakeResponse.Error(401, "InvalidAuthenticationTokenAudience",
        $"The access token has been obtained for wrong audience or resource '{audience}'.");

    /// <summary>Null when the request has the api-version the fake serves; else ARM's 400.</summary>
    public static FakeResponse? ApiVersion(FakeRequest request, string expected) =>
        request.Query.TryGetValue("api-version", out var version) && version == expected
            ? null
            : FakeResponse.Error(400, "InvalidApiVersionParameter", $"The api-version '{(request.Query.TryGetValue("api-version", out var v) ? v : "")}' is invalid; this fake serves '{expected}'.");
}
