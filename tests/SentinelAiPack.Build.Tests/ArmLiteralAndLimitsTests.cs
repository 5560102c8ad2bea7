using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Build.Tests.Support;

namespace SentinelAiPack.Build.Tests;

/// <summary>Content text stays literal in ARM; the limit checker catches what the API would reject.</summary>
public sealed class ArmLiteralAndLimitsTests
{
    [TestCase("['AIConversationTurn_CL'] | take 1 | project x = ['y']", "[['AIConversationTurn_CL'] | take 1 | project x = ['y']")]
    [TestCase("[concat('a')]", "[[concat('a')]")]
    [TestCase("[x] and more", "[x] and more")]
    [TestCase("T | where x in ('[a]')", "T | where x in ('[a]')")]
    public void Literals_that_look_like_expressions_are_escaped(string text, string expected)
    {
        Assert.That(ArmLiteral.Escape(text), Is.EqualTo(expected));
        Assert.That(ArmLiteral.Unescape(ArmLiteral.Escape(text)), Is.EqualTo(text));
        Assert.That(ArmLiteral.IsExpression(ArmLiteral.Escape(text)), Is.False);
    }

    [Test]
    public async Task A_query_written_as_an_expression_stays_a_query()
    {
        using var pack = PackFolder.CopyOfFixture();
        pack.Edit("detections/prompt-injection/analytics/FixtureNrtActivity.yaml",
            "query: |\n  AzureActivity\n",
            "query: |-\n  ['AzureActivity']\n");
        pack.Edit("detections/prompt-injection/analytics/FixtureNrtActivity.yaml",
            "  | project TimeGenerated, Caller, CallerIpAddress, ResourceId = _ResourceId\n",
            "  | project TimeGenerated, Caller, CallerIpAddress, ResourceId = ['_ResourceId']\n");
        var build = PackBuilder.Generate(await LoadedPack.LoadAsync(pack.Root));
        var template = (JsonObject)JsonNode.Parse(build.Files.Single(f => f.RelativePath.EndsWith("FixtureNrtActivity.json", StringComparison.Ordinal)).Bytes)!;
        var query = TemplateChecks.Resources(template).Single()["properties"]!["query"]!.GetValue<string>();
        Assert.That(query, Does.StartWith("[['AzureActivity']"));
        Assert.That(TemplateChecks.Expressions(template["resources"]![0]!["properties"]), Is.Empty);
    }

    [Test]
    public void Limits_report_what_the_api_rejects()
    {
        var rule = new JsonObject
        {
            ["type"] = ApiVersions.AlertRuleType,
            ["apiVersion"] = ApiVersions.AlertRules,
            ["kind"] = "NRT",
            ["properties"] = new JsonObject
            {
                ["displayName"] = new string('n', 257),
                ["description"] = "d",
                ["severity"] = "Critical",
                ["query"] = "T",
                ["tactics"] = new JsonArray("Initial Access"),
                ["techniques"] = new JsonArray("T1190.001"),
                ["subTechniques"] = new JsonArray("T1190.001"),
                ["suppressionDuration"] = "5h",
                ["templateVersion"] = "1.0",
                ["entityMappings"] = new JsonArray(new JsonObject
                {
                    ["entityType"] = "Account",
                    ["fieldMappings"] = new JsonArray(
                        new JsonObject { ["identifier"] = "FullName", ["columnName"] = "a" },
                        new JsonObject { ["identifier"] = "FullName", ["columnName"] = "9b" }),
                }),
                ["customDetails"] = new JsonObject { ["ThisKeyIsLongerThanTwenty"] = "Col" },
                ["alertDetailsOverride"] = new JsonObject { ["alertDisplayNameFormat"] = "{{a}} {{b}} {{c}} {{d}}" },
                ["incidentConfiguration"] = new JsonObject
                {
                    ["createIncident"] = true,
                    ["groupingConfiguration"] = new JsonObject
                    {
                        ["enabled"] = true, ["reopenClosedIncident"] = false, ["lookbackDuration"] = "PT5H", ["matchingMethod"] = "Selected",
                        ["groupByEntities"] = new JsonArray("Host"), ["groupByAlertDetails"] = new JsonArray(), ["groupByCustomDetails"] = new JsonArray("Missing"),
                    },
                },
            },
        };
        var problems = AlertRuleLimits.Check(rule);
        foreach (var expected in new[]
        {
            "kind NRT is not in the GA api version", "subTechniques is not in the GA api version", "displayName has 257 characters",
            "severity 'Critical'", "tactic 'Initial Access'", "technique 'T1190.001'", "suppressionDuration '5h' is not an ISO 8601 duration",
            "templateVersion '1.0'", "maps an identifier twice", "column '9b'", "custom detail key 'ThisKeyIsLongerThanTwenty'",
            "4 {{column}} placeholders", "groupByEntities names Host", "groupByCustomDetails names 'Missing'",
        })
        {
            Assert.That(problems, Has.Some.Contains(expected), expected);
        }
    }

    [Test]
    public void Scheduled_limits_cover_frequency_period_and_threshold()
    {
        var rule = new JsonObject
        {
            ["type"] = ApiVersions.AlertRuleType, ["apiVersion"] = ApiVersions.AlertRules, ["kind"] = "Scheduled",
            ["properties"] = new JsonObject
            {
                ["displayName"] = "n", ["severity"] = "Low", ["query"] = "T", ["suppressionDuration"] = "PT5H",
                ["queryFrequency"] = "PT10M", ["queryPeriod"] = "P3D", ["triggerOperator"] = "gt", ["triggerThreshold"] = 10001,
            },
        };
        var problems = AlertRuleLimits.Check(rule);
        Assert.That(problems, Has.Some.Contains("at least 1 hour"));
        Assert.That(problems, Has.Some.Contains("triggerOperator 'gt'"));
        Assert.That(problems, Has.Some.Contains("triggerThreshold"));
        rule["properties"]!["queryPeriod"] = "PT5M";
        Assert.That(AlertRuleLimits.Check(rule), Has.Some.Contains("queryPeriod is shorter than queryFrequency"));
        rule["properties"]!["queryPeriod"] = "P15D";
        Assert.That(AlertRuleLimits.Check(rule), Has.Some.Contains("queryPeriod P15D is outside PT5M..P14D"));
    }
}
