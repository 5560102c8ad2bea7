using Azure.Core;
using SentinelAiPack.Azure.Http;
using SentinelAiPack.Azure.Identity;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// How commands reach Azure: the credential chosen by <c>--credential</c> and the client options (public-cloud
/// endpoints, default resilience). Tests register their own connection in <see cref="CliServices"/> to point the
/// commands at a loopback server with a fake credential.
/// </summary>
public sealed class AzureConnection(Func<string?, TokenCredential> credentials, AzureClientOptions options)
{
    public Func<string?, TokenCredential> Credentials { get; } = credentials;

    public AzureClientOptions Options { get; } = options;

    public static AzureConnection Default() => new(name => AzureCredentialFactory.Create(name), new AzureClientOptions());
}

public static class AzureServices
{
    public static AzureConnection Connection(CliContext context) => context.Services.GetOrCreate(AzureConnection.Default);

    /// <summary>
    /// Reports an Azure failure (authentication, throttling beyond the retry budget, an API error) as one line and
    /// returns exit code 2: the environment, not the content, stopped the run. Tokens never appear in these messages.
    /// </summary>
    public static async Task<int> ReportFailureAsync(IOContext io, SentinelAiPack.Azure.Errors.AzureClientException failure)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(failure);
        await io.Error.WriteLineAsync("aipack: Azure request failed: " + failure.Message).ConfigureAwait(false);
        return ExitCodes.UsageOrInternalError;
    }

    /// <summary>The credential names <c>--credential</c> accepts.</summary>
    public static IReadOnlyList<string> CredentialNames => AzureCredentialFactory.Names;
}
