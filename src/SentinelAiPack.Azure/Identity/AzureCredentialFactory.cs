using System.Collections;
using Azure.Core;
using Azure.Identity;
using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.Identity;

/// <summary>
/// The one place a credential is chosen by name (e.g. from <c>--credential</c> or a setting):
/// <c>default</c> (DefaultAzureCredential), <c>azurecli</c>, <c>workloadidentity</c> (federated token file, or
/// GitHub Actions OIDC), <c>managedidentity</c>, <c>environment</c>.
/// </summary>
public static class AzureCredentialFactory
{
    /// <summary>Accepted names, in the order help text shows them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "azurecli", "workloadidentity", "managedidentity", "environment"];

    /// <summary>Creates the named credential; null or empty means <c>default</c>.</summary>
    /// <param name="name">Credential name (case-insensitive).</param>
    /// <param name="environment">Environment variables to read; null reads the process environment.</param>
    public static TokenCredential Create(string? name, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = environment ?? ProcessEnvironment();
        var clientId = Get(env, "AZURE_CLIENT_ID");
        var tenantId = Get(env, "AZURE_TENANT_ID");
        switch ((name ?? "default").Trim().ToLowerInvariant())
        {
            case "" or "default":
                return new DefaultAzureCredential();
            case "azurecli":
                return new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenantId });
            case "managedidentity":
                return new ManagedIdentityCredential(clientId is null
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(clientId));
            case "environment":
                return new EnvironmentCredential();
            case "workloadidentity":
                return WorkloadIdentity(env, tenantId, clientId);
            default:
                throw new AzureCredentialException(
                    "credential selection",
                    $"unknown credential '{name}'; use one of: {string.Join(", ", Names)}");
        }
    }

    private static TokenCredential WorkloadIdentity(IReadOnlyDictionary<string, string?> env, string? tenantId, string? clientId)
    {
        var tokenFile = Get(env, "AZURE_FEDERATED_TOKEN_FILE");
        if (tokenFile is not null)
        {
            return new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
            {
                TenantId = tenantId,
                ClientId = clientId,
                TokenFilePath = tokenFile,
            });
        }

        var requestUrl = Get(env, "ACTIONS_ID_TOKEN_REQUEST_URL");
        var requestToken = Get(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        var missing = new[] { ("AZURE_TENANT_ID", tenantId), ("AZURE_CLIENT_ID", clientId), ("ACTIONS_ID_TOKEN_REQUEST_URL", requestUrl), ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken) }
            .Where(v => v.Item2 is null)
            .Select(v => v.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            throw new AzureCredentialException(
                "credential selection",
                "workloadidentity needs AZURE_FEDERATED_TOKEN_FILE, or a GitHub Actions job with 'permissions: id-token: write'; missing: "
                + string.Join(", ", missing));
        }

        var assertion = new GitHubOidcAssertion(new Uri(requestUrl!), requestToken!);
        return new ClientAssertionCredential(tenantId!, clientId!, assertion.GetAsync);
    }

    private static string? Get(IReadOnlyDictionary<string, string?> env, string key) =>
        env.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);
}
