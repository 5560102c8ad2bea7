using System.Text.Json.Nodes;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Containment.Tests.Fakes;

/// <summary>
/// Microsoft Graph v1.0 <c>POST /users/{id}/revokeSignInSessions</c>: 200 <c>{"value": true}</c> for a known user,
/// 404 Request_ResourceNotFound otherwise. Records whose sessions were revoked.
/// </summary>
public sealed class FakeGraphUsers(params string[] users) : IFakeAzureApi
{
    private readonly HashSet<string> _users = new(users, StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _revoked = [];

    public IReadOnlyList<string> Revoked { get { lock (_revoked) { return [.. _revoked]; } } }

    public string ExpectedAudience => "https://graph.microsoft.com";

    public bool Matches(FakeRequest request) => FakeHost.Of(request) == "graph.microsoft.com";

    public FakeResponse WrongAudience(string? audience) =>
        FakeResponse.Error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");

    public Task<FakeResponse> HandleAsync(FakeRequest request)
    {
        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method != "POST" || parts is not ["v1.0", "users", var id, "revokeSignInSessions"])
        {
            return Task.FromResult(FakeResponse.Error(400, "BadRequest", $"Unsupported request {request.Method} {request.Path}."));
        }
        if (!_users.Contains(id))
        {
            return Task.FromResult(FakeResponse.Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present."));
        }
        lock (_revoked)
        {
            _revoked.Add(id);
        }
        return Task.FromResult(FakeResponse.Json(200, new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", ["value"] = true }));
    }
}
