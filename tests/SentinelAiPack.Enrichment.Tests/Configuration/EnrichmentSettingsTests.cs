using SentinelAiPack.Enrichment.Configuration;

namespace SentinelAiPack.Enrichment.Tests.Configuration;

public class EnrichmentSettingsTests
{
    private const string Workspace = "/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/soc-ws";

    private static EnrichmentSettings From(Dictionary<string, string?> values) => new(name => values.GetValueOrDefault(name));

    [Test]
    public void Minimal_settings_give_the_documented_defaults()
    {
        var options = From(new() { [SettingNames.SentinelWorkspace] = Workspace, [SettingNames.LogAnalyticsWorkspaceId] = Guid.NewGuid().ToString() }).Enrichment();

        Assert.Multiple(() =>
        {
            Assert.That(options.Workspace.WorkspaceName, Is.EqualTo("soc-ws"));
            Assert.That(options.RaiseSeverity, Is.False);
            Assert.That(options.TagPrefix, Is.EqualTo("AIPack:"));
            Assert.That(options.CampaignMinUsers, Is.EqualTo(3));
            Assert.That(options.Rendering.RedactSecrets, Is.True);
            Assert.That(options.Rendering.PiiPatterns.Select(p => p.Name), Is.EquivalentTo(new[] { "credit-card", "iban", "us-ssn", "phone" }));
        });
    }

    [Test]
    public void Custom_PII_patterns_and_switches_are_read()
    {
        var options = From(new()
        {
            [SettingNames.SentinelWorkspace] = Workspace,
            [SettingNames.LogAnalyticsWorkspaceId] = Guid.NewGuid().ToString(),
            [SettingNames.RaiseSeverity] = "true",
            [SettingNames.PiiBuiltIns] = "email, us-ssn",
            [SettingNames.PiiCustom] = """{"employee-id": "\\bEMP-[0-9]{6}\\b"}""",
            [SettingNames.InternalDomains] = "contoso.com; fabrikam.com",
        }).Enrichment();

        Assert.Multiple(() =>
        {
            Assert.That(options.RaiseSeverity, Is.True);
            Assert.That(options.Rendering.PiiPatterns.Select(p => p.Name), Is.EqualTo(new[] { "email", "us-ssn", "employee-id" }));
            Assert.That(options.Rendering.PiiPatterns[2].Regex.IsMatch("badge EMP-123456"), Is.True);
            Assert.That(options.InternalDomains, Is.EqualTo(new[] { "contoso.com", "fabrikam.com" }));
        });
    }

    [Test]
    public void Every_problem_is_reported_at_once_by_setting_name()
    {
        var error = Assert.Throws<EnrichmentConfigurationException>(() => From(new()
        {
            [SettingNames.SentinelWorkspace] = "soc-ws",
            [SettingNames.LogAnalyticsWorkspaceId] = "not-a-guid",
            [SettingNames.RaiseSeverity] = "yes",
            [SettingNames.PiiBuiltIns] = "passport",
            [SettingNames.PiiCustom] = """{"bad": "(unclosed"}""",
            [SettingNames.CampaignMinUsers] = "1",
        }).Enrichment());

        Assert.That(error!.Message, Does.Contain(SettingNames.SentinelWorkspace)
            .And.Contain(SettingNames.LogAnalyticsWorkspaceId)
            .And.Contain(SettingNames.RaiseSeverity)
            .And.Contain("passport")
            .And.Contain("'bad' is not a valid regular expression")
            .And.Contain(SettingNames.CampaignMinUsers));
    }

    [Test]
    public void Inventory_settings_parse_resource_ids_and_refuse_a_plain_http_endpoint()
    {
        var (options, endpoint) = From(new()
        {
            [SettingNames.IngestionEndpoint] = "https://dce-1.westeurope-1.ingest.monitor.azure.com",
            [SettingNames.InventoryDcrImmutableId] = "dcr-0123456789abcdef0123456789abcdef",
            [SettingNames.OpenAIAccounts] = "/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/ai-rg/providers/Microsoft.CognitiveServices/accounts/contoso-aoai",
            [SettingNames.MachineLearningWorkspaces] = "/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-prod",
        }).Inventory();
        Assert.That(endpoint.Host, Does.EndWith("ingest.monitor.azure.com"));
        Assert.That(options.OpenAIAccounts.Single().AccountName, Is.EqualTo("contoso-aoai"));
        Assert.That(options.MachineLearningWorkspaces.Single().ResourceGroup, Is.EqualTo("ml-rg"));

        var error = Assert.Throws<EnrichmentConfigurationException>(() => From(new()
        {
            [SettingNames.IngestionEndpoint] = "http://dce.example",
            [SettingNames.InventoryDcrImmutableId] = "dcr-1",
            [SettingNames.OpenAIAccounts] = "/subscriptions/x/not-an-account",
        }).Inventory());
        Assert.That(error!.Message, Does.Contain(SettingNames.IngestionEndpoint).And.Contain(SettingNames.OpenAIAccounts));
    }

    [Test]
    public void Caller_policy_is_default_deny_and_needs_the_registration()
    {
        var error = Assert.Throws<EnrichmentConfigurationException>(() => From(new() { [SettingNames.AuthTenantId] = "contoso" }).Callers());
        var policy = From(new()
        {
            [SettingNames.AuthTenantId] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            [SettingNames.AuthClientId] = "6c1f3e2a-1b7d-4f0e-9a3c-5d8e7f6a4b21",
        }).Callers();
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(SettingNames.AuthTenantId + " must be a GUID").And.Contain(SettingNames.AuthClientId + " is not set"));
            Assert.That(policy.AllowedObjectIds, Is.Empty);
            Assert.That(policy.Issuer, Is.EqualTo("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"));
        });
    }

    [Test]
    public async Task Empty_allow_lists_deny_every_caller_without_reading_a_token()
    {
        var policy = new SentinelAiPack.Enrichment.Hosting.CallerPolicy { TenantId = "t", ClientId = "c", AllowedObjectIds = [], AllowedApplicationIds = [] };
        var decision = await new SentinelAiPack.Enrichment.Hosting.CallerAuthorization(policy).AuthorizeAsync("Bearer x.y.z", null, CancellationToken.None);
        Assert.That(decision.Status, Is.EqualTo(403));
    }
}
