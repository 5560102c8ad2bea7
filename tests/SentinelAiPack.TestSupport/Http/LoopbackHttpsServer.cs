using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.TestSupport.Http;

/// <summary>
/// Kestrel on 127.0.0.1, a random port, HTTPS with a certificate generated in memory at start. Hosts one or more
/// fakes; checks the bearer token's audience per fake; injects faults; records every request.
/// Clients trust exactly this certificate through <see cref="CreateHandler"/>.
/// </summary>
public sealed class LoopbackHttpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<IFakeAzureApi> _apis;
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _gate = new();

    private LoopbackHttpsServer(WebApplication app, X509Certificate2 certificate, IReadOnlyList<IFakeAzureApi> apis)
    {
        _app = app;
        Certificate = certificate;
        _apis = apis;
    }

    /// <summary>https://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The server's certificate (self-signed, in memory).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Faults for the next requests.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Starts a server hosting <paramref name="apis"/> (first match wins).</summary>
    public static async Task<LoopbackHttpsServer> StartAsync(params IFakeAzureApi[] apis)
    {
        var certificate = SelfSignedCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new LoopbackHttpsServer(app, certificate, apis);
        app.Run(server.ServeAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return server;
    }

    /// <summary>A handler that trusts this server's certificate and nothing else.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var expected = Certificate.RawData;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate is not null
                    && certificate.GetRawCertData().AsSpan().SequenceEqual(expected)
                    && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                    && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0,
            },
        };
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = await ReadAsync(context).ConfigureAwait(false);
        var fault = Faults.Take(request.Path);
        FakeResponse response;
        try
        {
            switch (fault)
            {
                case DisconnectFault:
                    Record(request, fault, 0);
                    context.Abort();
                    return;
                case ThrottleFault throttle:
                    response = FakeResponse.Error(429, "TooManyRequests", "Rate limit exceeded (injected).")
                        .With("Retry-After", throttle.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case ServerErrorFault serverError:
                    response = FakeResponse.Error(serverError.Status, "InternalServerError", "Injected server error.");
                    break;
                case DelayFault delay:
                    await Task.Delay(delay.Duration, context.RequestAborted).ConfigureAwait(false);
                    response = await DispatchAsync(request).ConfigureAwait(false);
                    break;
                default:
                    response = await DispatchAsync(request).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            Record(request, fault, 0);
            return;
        }

        var body = response.Body;
        if (fault is TruncatedJsonFault && body is { Length: > 1 })
        {
            body = body[..(body.Length / 2)];
        }

        Record(request, fault, response.Status);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<FakeResponse> DispatchAsync(FakeRequest request)
    {
        var api = _apis.FirstOrDefault(a => a.Matches(request));
        if (api is null)
        {
            return FakeResponse.Error(404, "PathNotFoundError", "The requested path does not exist");
        }

        if (!api.RequiresToken)
        {
            return await api.HandleAsync(request).ConfigureAwait(false);
        }

        if (request.Audience is null)
        {
            return FakeResponse.Error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }

        if (!string.Equals(request.Audience.TrimEnd('/'), api.ExpectedAudience, StringComparison.OrdinalIgnoreCase))
        {
            return api.WrongAudience(request.Audience);
        }

        return await api.HandleAsync(request).ConfigureAwait(false);
    }

    private static async Task<FakeRequest> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers
            .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        var audience = UnsignedJwt.Audience(context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null);
        return new FakeRequest(context.Request.Method, path, query, headers, buffer.ToArray(), baseUri, audience)
        {
            QueryString = context.Request.QueryString.Value ?? string.Empty,
        };
    }

    private void Record(FakeRequest request, Fault? fault, int status)
    {
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, request.Path, request.QueryString, request.Audience, request.RawBody, fault, status));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }
}
