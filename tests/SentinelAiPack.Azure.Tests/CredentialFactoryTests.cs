using Azure.Identity;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Identity;

namespace SentinelAiPack.Azure.Tests;

public class CredentialFactoryTests
{
    private static readonly Dictionary<string, string?> Empty = [];

    [TestCase(null, typeof(DefaultAzureCredential))]
    [TestCase("default", typeof(DefaultAzureCredential))]
    [TestCase("AzureCli", typeof(AzureCliCredential))]
    [TestCase("managedidentity", typeof(ManagedIdentityCredential))]
    [TestCase("environment", typeof(EnvironmentCredential))]
    public void Creates_the_named_credential(string? name, Type expected)
    {
        Assert.That(AzureCredentialFactory.Create(name, Empty), Is.TypeOf(expected));
    }

    [Test]
    public void Workload_identity_uses_a_federated_token_file_when_present()
    {
        var env = new Dictionary<string, string?> { ["AZURE_FEDERATED_TOKEN_FILE"] = "/var/run/token", ["AZURE_TENANT_ID"] = "t", ["AZURE_CLIENT_ID"] = "c" };
        Assert.That(AzureCredentialFactory.Create("workloadidentity", env), Is.TypeOf<WorkloadIdentityCredential>());
    }

    [Test]
    public void Workload_identity_uses_github_oidc_in_actions()
    {
        var env = new Dictionary<string, string?>
        {
            ["AZURE_TENANT_ID"] = "00000000-0000-0000-0000-000000000001",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000002",
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://token.actions.example/req?api-version=2.0",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token",
        };
        Assert.That(AzureCredentialFactory.Create("workloadidentity", env), Is.TypeOf<ClientAssertionCredential>());
    }

    [Test]
    public void Workload_identity_without_configuration_names_what_is_missing()
    {
        var error = Assert.Throws<AzureCredentialException>(() => AzureCredentialFactory.Create("workloadidentity", new Dictionary<string, string?> { ["AZURE_TENANT_ID"] = "t" }));
        Assert.That(error!.Message, Does.Contain("AZURE_CLIENT_ID").And.Contain("ACTIONS_ID_TOKEN_REQUEST_URL").And.Not.Contain("AZURE_TENANT_ID,"));
    }

    [Test]
    public void Unknown_names_list_the_accepted_ones()
    {
        var error = Assert.Throws<AzureCredentialException>(() => AzureCredentialFactory.Create("kerberos", Empty));
        Assert.That(error!.Message, Does.Contain("azurecli, workloadidentity, managedidentity, environment"));
    }
}
