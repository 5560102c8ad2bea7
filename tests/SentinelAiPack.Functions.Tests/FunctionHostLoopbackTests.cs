using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SentinelAiPack.Enrichment.Configuration;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Identity;

namespace SentinelAiPack.Functions.Tests;

/// <summary>
/// The HTTP functions as Azure runs them behind App Service authentication, on loopback: Kestrel routes
/// <c>POST /api/{function}</c> to the real function classes with the real <see cref="EnricherHost"/> built from app
/// settings; Entra's v2 discovery and signing keys are a loopback HTTPS fake that signs RS256 tokens. Only the
/// allow-listed playbook identity gets past the caller check; nothing else reaches an enricher.
/// </summary>
public sealed class FunctionHostLoopbackTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string FunctionClientId = "6c1f3e2a-1b7d-4f0e-9a3c-5d8e7f6a4b21";
    private const string PlaybookObjectId = "0b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private const string PlaybookClientId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    private const string Workspace = "/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/soc-ws";

    private FakeEntra _entra = null!;
    private LoopbackHttpsServer _entraServer = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private EnricherHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _entra = new FakeEntra(Tenant);
        _entraServer = await LoopbackHttpsServer.StartAsync(_entra);
        _entra.Authority = _entraServer.BaseUri;
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.SentinelWorkspace] = Workspace,
            [SettingNames.LogAnalyticsWorkspaceId] = "5cbf42cc-e245-4024-9b43-04b70f6380cb",
            [SettingNames.AuthTenantId] = Tenant,
            [SettingNames.AuthClientId] = FunctionClientId,
            [SettingNames.AuthAuthority] = _entraServer.BaseUri.AbsoluteUri,
            [SettingNames.AllowedCallerObjectIds] = PlaybookObjectId,
            [SettingNames.AllowedCallerAppIds] = PlaybookClientId,
        }).Build();
        _host = new EnricherHost(settings, NullLoggerFactory.Instance, _entraServer.CreateHandler());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // The Functions ASP.NET Core integration registers the MVC result executors IActionResult answers need.
        builder.Services.AddMvcCore();
        _app = builder.Build();
        var conversation = new EnrichConversationContext(_host, NullLogger<EnrichConversationContext>.Instance);
        var integrity = new EnrichModelIntegrity(_host, NullLogger<EnrichModelIntegrity>.Instance);
        _app.MapPost("/api/EnrichConversationContext", context => Execute(context, conversation.RunAsync(context.Request, context.RequestAborted)));
        _app.MapPost("/api/EnrichModelIntegrity", context => Execute(context, integrity.RunAsync(context.Request, context.RequestAborted)));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _host.Dispose();
        await _entraServer.DisposeAsync();
        _entra.Dispose();
    }

    private static async Task Execute(HttpContext context, Task<IActionResult> run) =>
        await (await run).ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string function, string? token, string body = "{}")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/" + function) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestCase("EnrichConversationContext")]
    [TestCase("EnrichModelIntegrity")]
    public async Task An_unlisted_caller_with_a_valid_token_gets_403(string function)
    {
        var token = _entra.Token(FunctionClientId, objectId: "11111111-2222-4333-8444-555555555555", clientId: "66666666-7777-4888-9999-000000000000");
        var (status, body) = await PostAsync(function, token, "{\"incidentArmId\": \"" + Workspace + "/providers/Microsoft.SecurityInsights/Incidents/x\"}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(body, Does.Contain("\"Forbidden\"").And.Contain("object id is not an allowed playbook identity"));
        });
    }

    [Test]
    public async Task The_playbook_identity_with_another_client_id_gets_403()
    {
        var token = _entra.Token(FunctionClientId, PlaybookObjectId, clientId: "66666666-7777-4888-9999-000000000000");
        Assert.That((await PostAsync("EnrichConversationContext", token)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_call_without_a_token_gets_401()
    {
        Assert.That((await PostAsync("EnrichConversationContext", token: null)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static IEnumerable<TestCaseData> WrongTokens()
    {
        yield return new TestCaseData("v1 issuer (sts.windows.net)", new Func<FakeEntra, string>(e => e.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId, issuer: $"https://sts.windows.net/{Tenant}/", version: "1.0")));
        yield return new TestCaseData("App ID URI audience (a v1 token)", new Func<FakeEntra, string>(e => e.Token("api://" + FunctionClientId, PlaybookObjectId, PlaybookClientId)));
        yield return new TestCaseData("another application's audience", new Func<FakeEntra, string>(e => e.Token("https://management.azure.com", PlaybookObjectId, PlaybookClientId)));
        yield return new TestCaseData("another tenant", new Func<FakeEntra, string>(e => e.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId, tenant: "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d")));
        yield return new TestCaseData("expired", new Func<FakeEntra, string>(e => e.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId, expiresIn: TimeSpan.FromMinutes(-10))));
        yield return new TestCaseData("signed with a key Entra did not publish", new Func<FakeEntra, string>(e => e.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId, signWithUnpublishedKey: true)));
        yield return new TestCaseData("not a JWT", new Func<FakeEntra, string>(_ => "not-a-token"));
    }

    [TestCaseSource(nameof(WrongTokens))]
    public async Task The_playbook_identity_with_a_wrong_token_gets_401(string why, Func<FakeEntra, string> token)
    {
        var (status, _) = await PostAsync("EnrichConversationContext", token(_entra));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), why);
    }

    [Test]
    public async Task App_service_naming_another_principal_than_the_token_gets_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/EnrichConversationContext") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _entra.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId));
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", "11111111-2222-4333-8444-555555555555");
        using var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_playbook_identity_gets_past_the_caller_check_to_the_request_handler()
    {
        // An empty object is not an incident: the handler's 400 shows the request got past the caller check.
        var (status, body) = await PostAsync("EnrichConversationContext", _entra.Token(FunctionClientId, PlaybookObjectId, PlaybookClientId));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.Contain("incidentArmId"));
        });
    }
}
