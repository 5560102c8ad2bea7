using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Tests.Support;
using SentinelAiPack.Enrichment.Playbooks;

namespace SentinelAiPack.Build.Tests;

/// <summary>Every generated ARM template: valid JSON, documented types and api versions, within the API's limits, parameters resolvable.</summary>
public sealed class ArmTemplateTests
{
    private static BuildOutput s_build = null!;
    private static PackContent s_content = null!;

    [OneTimeSetUp]
    public async Task BuildFixture()
    {
        using var pack = PackFolder.CopyOfFixture();
        s_content = await LoadedPack.LoadAsync(pack.Root);
        s_build = PackBuilder.Generate(s_content);
        Assert.That(s_build.Diagnostics, Is.Empty, string.Join("\n", s_build.Diagnostics));
    }

    private static IEnumerable<(string Path, JsonObject Template)> ArmTemplates() =>
        s_build.Files.Where(f => f.RelativePath.StartsWith("arm/", StringComparison.Ordinal) && f.RelativePath.Count(c => c == '/') >= 2)
            .Select(f => (f.RelativePath, (JsonObject)JsonNode.Parse(f.Bytes)!));

    [Test]
    public void Every_generated_json_file_parses()
    {
        var json = s_build.Files.Where(f => f.RelativePath.EndsWith(".json", StringComparison.Ordinal) || f.RelativePath.EndsWith(".config", StringComparison.Ordinal)).ToList();
        Assert.That(json, Has.Count.GreaterThan(8));
        foreach (var file in json)
        {
            Assert.DoesNotThrow(() => JsonDocument.Parse(file.Bytes).Dispose(), file.RelativePath);
        }
    }

    private const string FunctionAppPath = "arm/6-playbooks/function-app/azuredeploy.json";
    private const string PlaybookPath = "arm/6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json";
    private const string AutomationRulePath = "arm/7-automation-rules/AIPack-RunConversationContext.json";

    [Test]
    public void Every_workspace_content_template_has_a_workspace_parameter_and_every_other_parameter_a_default()
    {
        var templates = ArmTemplates().ToList();
        Assert.That(templates.Select(t => t.Path), Is.EquivalentTo(new[]
        {
            "arm/1-tables/custom-tables.json",
            "arm/2-parsers/FixtureTurns.json",
            "arm/3-analytics-rules/prompt-injection/FixtureInjection.json",
            "arm/3-analytics-rules/prompt-injection/FixtureNrtActivity.json",
            "arm/4-hunting-queries/prompt-injection/FixtureHunt.json",
            "arm/5-workbooks/AIPackFixture.json",
            FunctionAppPath,
            PlaybookPath,
            AutomationRulePath,
        }), "the fixture's PromptInjection rule brings the conversation enricher; no rule has a ModelDrift alert type");
        foreach (var (path, template) in templates)
        {
            Assert.That(template["$schema"]?.GetValue<string>(), Is.EqualTo(ApiVersions.DeploymentTemplateSchema), path);
            Assert.That(TemplateChecks.UnresolvedReferences(template), Is.Empty, path);
            if (path.StartsWith("arm/6-playbooks/", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.That(template["parameters"]?["workspace"]?["type"]?.GetValue<string>(), Is.EqualTo("string"), path);
            Assert.That(TemplateChecks.ParametersWithoutDefault(template), Is.Empty, path);
        }
    }

    [Test]
    public void Playbook_templates_need_only_the_function_app_values_a_deployer_must_supply()
    {
        var templates = ArmTemplates().ToDictionary(t => t.Path, t => t.Template);
        Assert.Multiple(() =>
        {
            Assert.That(TemplateChecks.ParametersWithoutDefault(templates[PlaybookPath]), Is.EquivalentTo(new[] { "FunctionAppName", "FunctionAudience" }));
            Assert.That(templates[PlaybookPath]["parameters"]!["workspace"], Is.Null, "a playbook is no workspace resource: Repositories passes workspace only where declared");
            Assert.That(TemplateChecks.ParametersWithoutDefault(templates[FunctionAppPath]), Is.EquivalentTo(new[] { "FunctionAppName", "AuthClientId", "DcrResourceId", "IngestionEndpoint" }));
            Assert.That(templates[FunctionAppPath]["parameters"]!["WorkspaceName"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo("[parameters('workspace')]"),
                "the Function App reads the workspace aipack deploy and Repositories pass");
        });
    }

    [Test]
    public void Playbook_and_automation_rule_are_the_enrichment_generator_templates_for_the_built_rules()
    {
        var templates = ArmTemplates().ToDictionary(t => t.Path, t => t.Template);
        var rules = s_content.Rules.Select(i => i.Rule!).ToList();
        var generated = PlaybookArtifacts.Build(rules).ToDictionary(a => a.RelativePath, a => a.Template);
        Assert.That(JsonNode.DeepEquals(templates[PlaybookPath], generated["AIPack-EnrichConversationContext/azuredeploy.json"]), Is.True, "the playbook as generated");
        Assert.That(JsonNode.DeepEquals(templates[AutomationRulePath], generated["automation-rules/AIPack-RunConversationContext.json"]), Is.True, "the automation rule as generated");

        var workflow = TemplateChecks.Resources(templates[PlaybookPath]).Single(r => r["type"]!.GetValue<string>() == ApiVersions.WorkflowType);
        var automationRule = TemplateChecks.Resources(templates[AutomationRulePath]).Single();
        Assert.Multiple(() =>
        {
            Assert.That(workflow["name"]!.GetValue<string>(), Is.EqualTo("[parameters('PlaybookName')]"), "Azure-Sentinel's playbook validator: the workflow is named by PlaybookName");
            Assert.That(workflow["location"]!.GetValue<string>(), Is.EqualTo("[resourceGroup().location]"));
            Assert.That(templates[AutomationRulePath]["parameters"]!["AnalyticRuleIds"]!["defaultValue"]!.AsArray().Select(v => v!.GetValue<string>()),
                Is.EqualTo(new[] { "5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61" }), "only the PromptInjection rule, not the TrainingPipelineAnomaly NRT rule");
            Assert.That(templates[AutomationRulePath]["parameters"]!["PlaybookName"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo("AIPack-EnrichConversationContext"));
            Assert.That(automationRule["properties"]!["actions"]![0]!["actionType"]!.GetValue<string>(), Is.EqualTo("RunPlaybook"));
        });
    }

    [Test]
    public void Resource_types_and_api_versions_are_the_documented_ones()
    {
        var expected = new Dictionary<string, string[]>
        {
            [ApiVersions.AlertRuleType] = [ApiVersions.AlertRules, ApiVersions.AlertRulesPreview],
            [ApiVersions.SavedSearchType] = [ApiVersions.SavedSearches],
            ["Microsoft.OperationalInsights/workspaces/tables"] = ["2022-10-01"],
            ["Microsoft.Insights/dataCollectionEndpoints"] = ["2022-06-01"],
            ["Microsoft.Insights/dataCollectionRules"] = ["2022-06-01"],
            ["Microsoft.Insights/workbooks"] = ["2022-04-01"],
            [ApiVersions.WorkflowType] = ["2019-05-01"],
            [ApiVersions.ConnectionType] = ["2016-06-01"],
            [ApiVersions.AutomationRuleType] = ["2023-02-01"],
            ["Microsoft.Storage/storageAccounts"] = ["2023-05-01"],
            ["Microsoft.Storage/storageAccounts/blobServices/containers"] = ["2023-05-01"],
            ["Microsoft.ManagedIdentity/userAssignedIdentities"] = ["2023-01-31"],
            ["Microsoft.Authorization/roleAssignments"] = ["2022-04-01"],
            ["Microsoft.Web/serverfarms"] = ["2023-12-01"],
            ["Microsoft.Web/sites"] = ["2023-12-01"],
            ["Microsoft.Web/sites/config"] = ["2023-12-01"],
            ["Microsoft.Resources/deployments"] = ["2022-09-01"],
        };
        var seen = new HashSet<string>();
        foreach (var (path, template) in ArmTemplates())
        {
            foreach (var resource in TemplateChecks.Resources(template))
            {
                var type = resource["type"]!.GetValue<string>();
                seen.Add(type);
                Assert.That(expected.ContainsKey(type), Is.True, $"{path}: unexpected type {type}");
                Assert.That(expected[type], Does.Contain(resource["apiVersion"]!.GetValue<string>()), $"{path}: {type}");
            }
        }
        Assert.That(seen, Is.EquivalentTo(expected.Keys));
    }

    [Test]
    public void Every_analytics_rule_is_within_the_api_limits()
    {
        var rules = ArmTemplates().SelectMany(t => TemplateChecks.Resources(t.Template)).Where(r => r["type"]!.GetValue<string>() == ApiVersions.AlertRuleType).ToList();
        Assert.That(rules, Has.Count.EqualTo(2));
        foreach (var rule in rules)
        {
            Assert.That(AlertRuleLimits.Check(rule), Is.Empty, rule["name"]!.ToString());
        }
    }

    [Test]
    public void Scheduled_rule_maps_every_yaml_field_to_the_api_shape()
    {
        var template = ArmTemplates().Single(t => t.Path.EndsWith("FixtureInjection.json", StringComparison.Ordinal)).Template;
        var rule = TemplateChecks.Resources(template).Single();
        var p = rule["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(rule["apiVersion"]!.GetValue<string>(), Is.EqualTo(ApiVersions.AlertRules), "GA when neither NRT nor sub-techniques");
            Assert.That(rule["kind"]!.GetValue<string>(), Is.EqualTo("Scheduled"));
            Assert.That(rule["name"]!.GetValue<string>(), Is.EqualTo("[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', '5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61')]"));
            Assert.That(p["queryFrequency"]!.GetValue<string>(), Is.EqualTo("PT15M"));
            Assert.That(p["queryPeriod"]!.GetValue<string>(), Is.EqualTo("PT1H"));
            Assert.That(p["triggerOperator"]!.GetValue<string>(), Is.EqualTo("GreaterThan"));
            Assert.That(p["triggerThreshold"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(p["suppressionDuration"]!.GetValue<string>(), Is.EqualTo("PT5H"));
            Assert.That(p["techniques"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "T1190" }));
            Assert.That(p["subTechniques"], Is.Null);
            Assert.That(p["templateVersion"]!.GetValue<string>(), Is.EqualTo("1.0.0"));
            Assert.That(p["alertRuleTemplateName"]!.GetValue<string>(), Is.EqualTo("5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61"));
            Assert.That(p["customDetails"]!["SessionId"]!.GetValue<string>(), Is.EqualTo("SessionId"));
            Assert.That(p["entityMappings"]![1]!["fieldMappings"]![0]!["identifier"]!.GetValue<string>(), Is.EqualTo("Address"));
            Assert.That(p["alertDetailsOverride"]!["alertDisplayNameFormat"]!.GetValue<string>(), Is.EqualTo("Instruction override by {{UserPrincipalName}}"));
            Assert.That(p["eventGroupingSettings"]!["aggregationKind"]!.GetValue<string>(), Is.EqualTo("AlertPerResult"));
            var grouping = p["incidentConfiguration"]!["groupingConfiguration"]!;
            Assert.That(grouping["lookbackDuration"]!.GetValue<string>(), Is.EqualTo("PT5H"));
            Assert.That(grouping["matchingMethod"]!.GetValue<string>(), Is.EqualTo("Selected"));
            Assert.That(grouping["groupByCustomDetails"]![0]!.GetValue<string>(), Is.EqualTo("SessionId"));
            Assert.That(p["aipack"], Is.Null, "the pack's extension block never reaches ARM");
            Assert.That(template.ToJsonString(), Does.Not.Contain("severityRationale"));
        });
    }

    [Test]
    public void Nrt_rule_with_a_sub_technique_uses_the_preview_api_version()
    {
        var rule = TemplateChecks.Resources(ArmTemplates().Single(t => t.Path.EndsWith("FixtureNrtActivity.json", StringComparison.Ordinal)).Template).Single();
        var p = rule["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(rule["apiVersion"]!.GetValue<string>(), Is.EqualTo(ApiVersions.AlertRulesPreview));
            Assert.That(rule["kind"]!.GetValue<string>(), Is.EqualTo("NRT"));
            Assert.That(p["queryFrequency"], Is.Null);
            Assert.That(p["triggerOperator"], Is.Null);
            Assert.That(p["techniques"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "T1552" }));
            Assert.That(p["subTechniques"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "T1552.001" }));
            Assert.That(p["suppressionDuration"]!.GetValue<string>(), Is.EqualTo("PT1H"));
            Assert.That(p["templateVersion"]!.GetValue<string>(), Is.EqualTo("1.2.0"));
        });
    }

    [Test]
    public void Hunting_query_and_parser_are_saved_searches_repositories_classifies_correctly()
    {
        var hunt = TemplateChecks.Resources(ArmTemplates().Single(t => t.Path.EndsWith("FixtureHunt.json", StringComparison.Ordinal)).Template).Single();
        var parser = TemplateChecks.Resources(ArmTemplates().Single(t => t.Path.EndsWith("FixtureTurns.json", StringComparison.Ordinal)).Template).Single();
        Assert.Multiple(() =>
        {
            Assert.That(hunt["properties"]!["category"]!.GetValue<string>(), Is.EqualTo("Hunting Queries"));
            Assert.That(hunt["properties"]!["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "description", "tactics", "techniques" }));
            Assert.That(parser["properties"]!["category"]!.GetValue<string>(), Is.Not.EqualTo("Hunting Queries"));
            Assert.That(parser["properties"]!["functionAlias"]!.GetValue<string>(), Is.EqualTo("FixtureTurns"));
            Assert.That(parser["properties"]!["functionParameters"]!.GetValue<string>(), Is.EqualTo("starttime:datetime=datetime(null)"));
            Assert.That(parser["properties"]!["query"]!.GetValue<string>(), Does.StartWith("let Empty = datatable("));
        });
    }

    [Test]
    public void Custom_tables_template_takes_the_shared_workspace_parameter()
    {
        var template = ArmTemplates().Single(t => t.Path == "arm/1-tables/custom-tables.json").Template;
        Assert.That(template["parameters"]!["workspaceName"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo("[parameters('workspace')]"));
        var table = TemplateChecks.Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.OperationalInsights/workspaces/tables");
        Assert.That(table["name"]!.GetValue<string>(), Does.Contain("FixtureTurn_CL"));
    }

    [Test]
    public void Deployment_order_puts_tables_then_parsers_then_rules_then_playbooks_then_automation_rules()
    {
        var steps = JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "arm/deployment-order.json").Bytes)!["steps"]!.AsArray();
        Assert.That(steps.Select(s => s!["step"]!.GetValue<string>()),
            Is.EqualTo(new[] { "tables", "parsers", "analytics-rules", "hunting-queries", "workbooks", "playbooks", "automation-rules" }));
        Assert.That(steps.SelectMany(s => s!["templates"]!.AsArray()).Select(t => "arm/" + t!.GetValue<string>()).TakeLast(3),
            Is.EqualTo(new[] { FunctionAppPath, PlaybookPath, AutomationRulePath }));
        var config = JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "arm/sentinel-deployment.config").Bytes)!;
        Assert.That(config["prioritizedcontentfiles"]!.AsArray().Select(f => f!.GetValue<string>()),
            Is.EqualTo(new[] { "1-tables/custom-tables.json", "2-parsers/FixtureTurns.json", "6-playbooks/function-app/azuredeploy.json", "6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json" }),
            "Repositories deploys the playbooks before the automation rules that run them");
        var automationRule = s_build.Contributions.Single(c => c.Step == DeploymentStep.AutomationRules);
        Assert.That(automationRule.DependsOn, Is.EqualTo(new[] { "AIPack-EnrichConversationContext" }));
    }

    [Test]
    public void Parsers_that_call_parsers_deploy_after_them()
    {
        var content = s_build.Contributions.Where(c => c.Step == DeploymentStep.Parsers).Select(c => c.DisplayName).ToList();
        Assert.That(content, Is.EqualTo(new[] { "FixtureTurns" }));
    }
}
