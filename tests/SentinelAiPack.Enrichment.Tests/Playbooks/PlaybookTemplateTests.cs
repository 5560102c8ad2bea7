using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Enrichment.Configuration;
using SentinelAiPack.Enrichment.Playbooks;
using SentinelAiPack.Enrichment.Tests.Support;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Enrichment.Tests.Playbooks;

/// <summary>
/// The files under playbooks/ are what the generator produces from the current detections (set AIPACK_UPDATE_PLAYBOOKS=1
/// to rewrite them), and they pass the Azure-Sentinel playbook checks (sentinel-content-format.md §2.4) and ours.
/// </summary>
public partial class PlaybookTemplateTests
{
    private static readonly string[] MetadataEntities =
    [
        "account", "host", "ip", "url", "azureresource", "cloudapplication", "dnsresolution", "file", "filehash", "hostlogonsession", "iotdevice",
        "malware", "networkconnection", "process", "registrykey", "registryvalue", "securitygroup", "mailbox", "mailcluster", "mailmessage", "submissionmail",
    ];

    private static readonly Lazy<IReadOnlyList<PlaybookArtifact>> Generated = new(() =>
        PlaybookArtifacts.Build(ContentLoader.Load([RepositoryPaths.Detections]).AnalyticRules));

    public static IEnumerable<string> Files() => Generated.Value.Select(a => a.RelativePath);

    public static IEnumerable<string> PlaybookFiles() => Generated.Value.Where(a => a.Kind == PlaybookArtifactKind.Playbook).Select(a => a.RelativePath);

    private static JsonObject Load(string relative) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Playbooks, relative)))!.AsObject();

    private static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"]!.AsArray().Select(r => r!.AsObject()).SelectMany(r =>
            r["properties"]?["template"]?["resources"] is JsonArray inner ? inner.Select(i => i!.AsObject()).Prepend(r) : [r]);

    [OneTimeSetUp]
    public void RegenerateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("AIPACK_UPDATE_PLAYBOOKS") == "1")
        {
            PlaybookArtifacts.Write(RepositoryPaths.Playbooks, Generated.Value);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Checked_in_file_matches_the_generator(string relative)
    {
        var path = Path.Combine(RepositoryPaths.Playbooks, relative);
        Assert.That(File.Exists(path), Is.True, $"{relative} is missing; run the tests with AIPACK_UPDATE_PLAYBOOKS=1");
        Assert.That(File.ReadAllText(path), Is.EqualTo(PlaybookArtifacts.Text(Generated.Value.Single(a => a.RelativePath == relative).Template)),
            $"{relative} is out of date (detections changed?); run the tests with AIPACK_UPDATE_PLAYBOOKS=1");
    }

    [Test]
    public void The_artifact_listing_names_every_file_in_deployment_order()
    {
        var listing = Load("artifacts.json")["artifacts"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.That(listing.Select(a => a["path"]!.GetValue<string>()), Is.EquivalentTo(Files()));
        Assert.That(listing.Select(a => a["order"]!.GetValue<int>()), Is.Ordered);
        Assert.That(listing.First()["kind"]!.GetValue<string>(), Is.EqualTo("FunctionApp"));
    }

    [TestCaseSource(nameof(PlaybookFiles))]
    public void Playbook_passes_the_Azure_Sentinel_playbook_checks(string relative)
    {
        var template = Load(relative);
        var workflows = Resources(template).Where(r => r["type"]!.GetValue<string>() == "Microsoft.Logic/workflows").ToList();
        var metadata = template["metadata"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(template["$schema"]!.GetValue<string>(), Does.Contain("deploymentTemplate.json"));
            Assert.That(template["parameters"]!["PlaybookName"], Is.Not.Null, "missing required parameter 'PlaybookName'");
            Assert.That(workflows, Has.Count.EqualTo(1));
            Assert.That(workflows[0]["name"]!.GetValue<string>(), Is.EqualTo("[parameters('PlaybookName')]"));
            Assert.That(workflows[0]["location"]!.GetValue<string>(), Is.EqualTo("[resourceGroup().location]"));
            foreach (var field in new[] { "title", "description" })
            {
                Assert.That(metadata[field]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, field);
            }

            Assert.That(DateTime.TryParse(metadata["lastUpdateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _), Is.True);
            Assert.That(metadata["support"]!["tier"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(metadata["author"]!["name"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(metadata["entities"]!.AsArray().Select(e => e!.GetValue<string>()), Is.SubsetOf(MetadataEntities));
        });
    }

    [TestCaseSource(nameof(PlaybookFiles))]
    public void Playbook_is_triggered_by_incidents_and_calls_an_existing_function_with_its_managed_identity(string relative)
    {
        var template = Load(relative);
        var connection = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/connections");
        var workflow = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Logic/workflows");
        var definition = workflow["properties"]!["definition"]!;
        var trigger = definition["triggers"]!["Microsoft_Sentinel_incident"]!;
        var http = definition["actions"]!.AsObject().Single().Value!;
        var functionUri = template["variables"]!["FunctionUri"]!.GetValue<string>();
        var function = FunctionName().Match(functionUri).Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(connection["properties"]!["api"]!["id"]!.GetValue<string>(), Does.EndWith("'azuresentinel')]"));
            Assert.That(connection["properties"]!["parameterValueType"]!.GetValue<string>(), Is.EqualTo("Alternative"));
            // The Function App's caller identity, the only one its functions accept, by the id the Function App template derives.
            Assert.That(workflow["identity"]!["type"]!.GetValue<string>(), Is.EqualTo("UserAssigned"));
            Assert.That(workflow["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key, Is.EqualTo("[parameters('CallerIdentityId')]"));
            Assert.That(template["parameters"]!["CallerIdentityId"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo("[" + FunctionAppTemplate.CallerIdentityIdExpression + "]"));
            Assert.That(workflow["properties"]!["parameters"]!["$connections"]!["value"]!["azuresentinel"]!["connectionProperties"]!["authentication"]!["type"]!.GetValue<string>(),
                Is.EqualTo("ManagedServiceIdentity"));
            Assert.That(workflow["properties"]!["parameters"]!["$connections"]!["value"]!["azuresentinel"]!["connectionProperties"]!["authentication"]!["identity"]!.GetValue<string>(),
                Is.EqualTo("[parameters('CallerIdentityId')]"));
            Assert.That(http["inputs"]!["authentication"]!["identity"]!.GetValue<string>(), Is.EqualTo("[parameters('CallerIdentityId')]"));
            Assert.That(trigger["type"]!.GetValue<string>(), Is.EqualTo("ApiConnectionWebhook"));
            Assert.That(trigger["inputs"]!["path"]!.GetValue<string>(), Is.EqualTo("/incident-creation"));
            Assert.That(http["type"]!.GetValue<string>(), Is.EqualTo("Http"));
            Assert.That(http["inputs"]!["method"]!.GetValue<string>(), Is.EqualTo("POST"));
            Assert.That(http["inputs"]!["authentication"]!["type"]!.GetValue<string>(), Is.EqualTo("ManagedServiceIdentity"));
            Assert.That(http["inputs"]!["authentication"]!["audience"]!.GetValue<string>(), Is.EqualTo("[parameters('FunctionAudience')]"));
            Assert.That(http["inputs"]!["body"]!["incidentArmId"]!.GetValue<string>(), Is.EqualTo("@triggerBody()?['object']?['id']"));
            Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SentinelAiPack.Functions", function + ".cs")), Does.Contain($"[Function(nameof({function}))]"));
        });
    }

    [Test]
    public void Function_App_assigns_exactly_the_least_privilege_built_in_roles()
    {
        var template = Load("function-app/azuredeploy.json");
        var roles = Resources(template).Where(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments")
            .Select(r => RoleId().Match(r["properties"]!["roleDefinitionId"]!.GetValue<string>()).Groups[1].Value)
            .ToList();

        Assert.That(roles, Is.EquivalentTo(new[]
        {
            "3e150937-b8fe-4cfb-8069-0eaf05ecd056", // Microsoft Sentinel Responder (comments, labels, severity)
            "73c42c96-874c-492b-b04d-ab87d138a893", // Log Analytics Reader (queries)
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher (Logs Ingestion)
            "acdd72a7-3385-48ef-bd42-f606fba81ae7", // Reader (inventory of AI deployments)
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (host storage and package, by identity)
        }));
    }

    [Test]
    public void Function_App_sets_every_app_setting_the_enrichers_read_and_requires_authentication()
    {
        var template = Load("function-app/azuredeploy.json");
        var site = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        var names = typeof(SettingNames).GetFields().Select(f => (string)f.GetValue(null)!)
            .Except([SettingNames.TagPrefix, SettingNames.CampaignMinUsers, SettingNames.TranscriptLookbackHours, SettingNames.RelatedSessionsDays,
                SettingNames.CampaignWindowHours, SettingNames.DeploymentLookbackDays, SettingNames.DeployerBaselineDays, SettingNames.AllowedPathPrefixes,
                SettingNames.RedactSecrets, SettingNames.HashKeys]);
        var auth = Resources(template).Single(r => r["name"]!.GetValue<string>().Contains("authsettingsV2", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(settings, Is.SupersetOf(names), "settings with defaults may be omitted; required ones may not");
            Assert.That(site["properties"]!["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>(), Is.EqualTo("dotnet-isolated"));
            Assert.That(site["identity"]!["type"]!.GetValue<string>(), Is.EqualTo("SystemAssigned"));
            Assert.That(site["properties"]!["httpsOnly"]!.GetValue<bool>(), Is.True);
            Assert.That(auth["properties"]!["globalValidation"]!["requireAuthentication"]!.GetValue<bool>(), Is.True);
            Assert.That(site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == SettingNames.Credential)!["value"]!.GetValue<string>(),
                Is.EqualTo("managedidentity"));
        });
    }

    [Test]
    public void Function_App_storage_is_reached_by_identity_and_holds_no_key()
    {
        var template = Load("function-app/azuredeploy.json");
        var text = template.ToJsonString();
        var storage = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Storage/storageAccounts");
        var site = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(storage["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>(), Is.False);
            Assert.That(settings["AzureWebJobsStorage__accountName"], Is.EqualTo("[variables('StorageName')]"));
            Assert.That(settings.Keys, Has.None.EqualTo("AzureWebJobsStorage").And.None.StartsWith("WEBSITE_CONTENT"));
            Assert.That(text, Does.Not.Contain("listKeys").And.Not.Contain("AccountKey"));
            Assert.That(site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>(), Is.EqualTo("SystemAssignedIdentity"));
        });
    }

    [Test]
    public void Function_App_authentication_admits_only_the_caller_identity_with_v2_tokens()
    {
        var template = Load("function-app/azuredeploy.json");
        var aad = Resources(template).Single(r => r["name"]!.GetValue<string>().Contains("authsettingsV2", StringComparison.Ordinal))["properties"]!["identityProviders"]!["azureActiveDirectory"]!;
        var site = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());
        var identity = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.ManagedIdentity/userAssignedIdentities");
        const string principal = "[reference(variables('CallerIdentityId'), '2023-01-31').principalId]";
        const string client = "[reference(variables('CallerIdentityId'), '2023-01-31').clientId]";
        Assert.Multiple(() =>
        {
            Assert.That(identity["name"]!.GetValue<string>(), Is.EqualTo("[variables('CallerIdentityName')]"));
            Assert.That(template["variables"]!["CallerIdentityName"]!.GetValue<string>(), Is.EqualTo($"[concat(parameters('FunctionAppName'), '{FunctionAppTemplate.CallerIdentitySuffix}')]"));
            Assert.That(template["variables"]!["Issuer"]!.GetValue<string>(), Is.EqualTo("[concat(environment().authentication.loginEndpoint, subscription().tenantId, '/v2.0')]"));
            Assert.That(aad["registration"]!["openIdIssuer"]!.GetValue<string>(), Is.EqualTo("[variables('Issuer')]"));
            Assert.That(aad["validation"]!["allowedAudiences"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "[parameters('AuthClientId')]" }));
            Assert.That(aad["validation"]!["defaultAuthorizationPolicy"]!["allowedPrincipals"]!["identities"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { principal }));
            Assert.That(aad["validation"]!["defaultAuthorizationPolicy"]!["allowedApplications"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { client }));
            Assert.That(aad["validation"]!["jwtClaimChecks"]!["allowedClientApplications"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { client }));
            Assert.That(settings[SettingNames.AllowedCallerObjectIds], Is.EqualTo(principal));
            Assert.That(settings[SettingNames.AllowedCallerAppIds], Is.EqualTo(client));
            Assert.That(settings[SettingNames.AuthClientId], Is.EqualTo("[parameters('AuthClientId')]"));
            Assert.That(settings[SettingNames.AuthTenantId], Is.EqualTo("[subscription().tenantId]"));
            Assert.That(settings[SettingNames.RequireCallerIdentity], Is.EqualTo("true"));
        });
    }

    [Test]
    public void Automation_rules_run_the_playbooks_on_incident_creation_for_the_pack_rules()
    {
        var rules = ContentLoader.Load([RepositoryPaths.Detections]).AnalyticRules.ToList();
        foreach (var (file, playbook, types) in new[]
        {
            ("automation-rules/AIPack-RunConversationContext.json", PlaybookArtifacts.ConversationPlaybook, PlaybookArtifacts.ConversationAlertTypes),
            ("automation-rules/AIPack-RunModelIntegrity.json", PlaybookArtifacts.IntegrityPlaybook, PlaybookArtifacts.IntegrityAlertTypes),
        })
        {
            var template = Load(file);
            var rule = Resources(template).Single();
            var logic = rule["properties"]!["triggeringLogic"]!;
            var action = rule["properties"]!["actions"]![0]!;
            var expected = rules.Where(r => types.Contains(r.AiPack?.AlertType?.Value)).Select(r => r.Id!.Value).Order(StringComparer.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(rule["type"]!.GetValue<string>(), Is.EqualTo("Microsoft.OperationalInsights/workspaces/providers/automationRules"));
                Assert.That(logic["triggersOn"]!.GetValue<string>(), Is.EqualTo("Incidents"));
                Assert.That(logic["triggersWhen"]!.GetValue<string>(), Is.EqualTo("Created"));
                Assert.That(logic["conditions"]![0]!["conditionProperties"]!["propertyName"]!.GetValue<string>(), Is.EqualTo("IncidentRelatedAnalyticRuleIds"));
                Assert.That(action["actionType"]!.GetValue<string>(), Is.EqualTo("RunPlaybook"));
                Assert.That(action["actionConfiguration"]!["logicAppResourceId"]!.GetValue<string>(), Does.Contain("parameters('PlaybookName')"));
                Assert.That(template["parameters"]!["PlaybookName"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo(playbook));
                Assert.That(template["parameters"]!["AnalyticRuleIds"]!["defaultValue"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(expected));
            });
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Every_ARM_expression_has_balanced_brackets_and_quotes(string relative)
    {
        foreach (var value in Strings(Load(relative)).Where(s => s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal)))
        {
            Assert.That(value, Does.EndWith("]"), value);
            Assert.That(value.Count(c => c == '('), Is.EqualTo(value.Count(c => c == ')')), value);
            Assert.That(value.Count(c => c == '\'') % 2, Is.Zero, value);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex(@"/api/(\w+)'")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"'([0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleId();
}
