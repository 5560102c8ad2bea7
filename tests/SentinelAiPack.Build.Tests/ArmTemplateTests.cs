using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Tests.Support;

namespace SentinelAiPack.Build.Tests;

/// <summary>Every generated ARM template: valid JSON, documented types and api versions, within the API's limits, parameters resolvable.</summary>
public sealed class ArmTemplateTests
{
    private static BuildOutput s_build = null!;

    [OneTimeSetUp]
    public async Task BuildFixture()
    {
        using var pack = PackFolder.CopyOfFixture();
        s_build = PackBuilder.Generate(await LoadedPack.LoadAsync(pack.Root));
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

    [Test]
    public void Every_template_has_a_workspace_parameter_and_every_other_parameter_a_default()
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
        }));
        foreach (var (path, template) in templates)
        {
            Assert.That(template["$schema"]?.GetValue<string>(), Is.EqualTo(ApiVersions.DeploymentTemplateSchema), path);
            Assert.That(template["parameters"]?["workspace"]?["type"]?.GetValue<string>(), Is.EqualTo("string"), path);
            Assert.That(TemplateChecks.ParametersWithoutDefault(template), Is.Empty, path);
            Assert.That(TemplateChecks.UnresolvedReferences(template), Is.Empty, path);
        }
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
    public void Deployment_order_puts_tables_then_parsers_then_rules()
    {
        var order = JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "arm/deployment-order.json").Bytes)!["steps"]!.AsArray()
            .Select(s => s!["step"]!.GetValue<string>()).ToList();
        Assert.That(order, Is.EqualTo(new[] { "tables", "parsers", "analytics-rules", "hunting-queries", "workbooks" }));
        var config = JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "arm/sentinel-deployment.config").Bytes)!;
        Assert.That(config["prioritizedcontentfiles"]!.AsArray().Select(f => f!.GetValue<string>()),
            Is.EqualTo(new[] { "1-tables/custom-tables.json", "2-parsers/FixtureTurns.json" }));
    }

    [Test]
    public void Parsers_that_call_parsers_deploy_after_them()
    {
        var content = s_build.Contributions.Where(c => c.Step == DeploymentStep.Parsers).Select(c => c.DisplayName).ToList();
        Assert.That(content, Is.EqualTo(new[] { "FixtureTurns" }));
    }
}
