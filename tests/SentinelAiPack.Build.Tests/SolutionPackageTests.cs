using System.IO.Compression;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Solution;
using SentinelAiPack.Build.Tests.Support;

namespace SentinelAiPack.Build.Tests;

/// <summary>The Content Hub package: 3.x resource types and api versions, every item referenced exactly once, the zip.</summary>
public sealed class SolutionPackageTests
{
    private const string Playbook = "AIPack-EnrichConversationContext";

    private static BuildOutput s_build = null!;
    private static PackContent s_content = null!;

    [OneTimeSetUp]
    public async Task BuildFixture()
    {
        using var pack = PackFolder.CopyOfFixture();
        s_content = await LoadedPack.LoadAsync(pack.Root);
        s_build = PackBuilder.Generate(s_content, new BuildOptions { Solution = new SolutionOptions { Version = "2.3.4" } });
    }

    private static JsonObject MainTemplate => (JsonObject)JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "solution/mainTemplate.json").Bytes)!;

    [Test]
    public void Main_template_references_every_item_exactly_once()
    {
        var main = MainTemplate;
        var templates = TemplateChecks.Resources(main).Where(r => r["type"]!.GetValue<string>() == ApiVersions.ContentTemplateType).ToList();
        var package = TemplateChecks.Resources(main).Single(r => r["type"]!.GetValue<string>() == ApiVersions.ContentPackageType);
        var criteria = package["properties"]!["dependencies"]!["criteria"]!.AsArray().Select(c => c!["contentId"]!.GetValue<string>()).ToList();
        var expected = s_content.Items.Select(i => i.Key).Append("AIPackFixture").Append(Playbook).Order().ToList();
        Assert.That(expected, Has.Count.EqualTo(6), "two rules, a hunting query, a parser, a workbook and the playbook their alert type brings");
        Assert.That(templates.Select(t => t["properties"]!["contentId"]!.GetValue<string>()).Order(), Is.EqualTo(expected), "one contentTemplates resource per item");
        Assert.That(criteria.Order(), Is.EqualTo(expected), "one dependency criterion per item");
        foreach (var key in expected)
        {
            var mentions = TemplateChecks.Resources(main).Count(r => r["properties"]?["contentId"]?.GetValue<string>() == key);
            Assert.That(mentions, Is.EqualTo(1), key);
        }
        Assert.That(templates.Select(t => t["properties"]!["contentKind"]!.GetValue<string>()), Has.Exactly(1).EqualTo("Playbook"));
        Assert.That(main.ToJsonString(), Does.Not.Contain("AIPack-RunConversationContext").And.Not.Contain("automationRules").And.Not.Contain("Microsoft.Web/sites"),
            "automation rules and the Function App stay out of the package");
    }

    [Test]
    public void Playbook_is_a_content_template_the_user_deploys_later_with_their_values()
    {
        var template = TemplateChecks.Resources(MainTemplate).Single(r => r["properties"]?["contentKind"]?.GetValue<string>() == "Playbook");
        var properties = template["properties"]!;
        var inner = (JsonObject)properties["mainTemplate"]!;
        var resources = TemplateChecks.Resources(inner).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(template["apiVersion"]!.GetValue<string>(), Is.EqualTo("2023-04-01-preview"));
            Assert.That(properties["contentId"]!.GetValue<string>(), Is.EqualTo(Playbook));
            Assert.That(properties["version"]!.GetValue<string>(), Is.EqualTo("1.1.0"), "the newest version of the playbook's release notes");
            Assert.That(properties["contentProductId"]!.GetValue<string>(), Does.StartWith("[concat(take(variables('_solutionId'), 50), '-', 'pl', '-', uniqueString(concat(variables('_solutionId'), '-', 'Playbook', '-', 'AIPack-EnrichConversationContext', '-', '1.1.0'"));
            Assert.That(resources.Select(r => (r["type"]!.GetValue<string>(), r["apiVersion"]!.GetValue<string>())), Is.EqualTo(new[]
            {
                ("Microsoft.Web/connections", "2018-07-01-preview"),
                ("Microsoft.Logic/workflows", "2019-05-01"),
                (ApiVersions.MetadataType, "2022-01-01-preview"),
            }), "connection and workflow at the api versions the packaging tool asks for inside packages, then the metadata");
            Assert.That(resources[1]["name"]!.GetValue<string>(), Is.EqualTo("[[parameters('PlaybookName')]"), "evaluated when the user deploys the playbook, not on install");
            Assert.That(resources[2]["properties"]!["kind"]!.GetValue<string>(), Is.EqualTo("Playbook"));
            Assert.That(resources[2]["properties"]!["parentId"]!.GetValue<string>(), Is.EqualTo("[[resourceId('Microsoft.Logic/workflows', parameters('PlaybookName'))]"));
            Assert.That(inner["parameters"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "PlaybookName", "FunctionAppName", "FunctionAudience", "CallerIdentityId" }));
            Assert.That(TemplateChecks.DeferredExpressions(inner).ToList(), Has.Count.GreaterThan(5));
            Assert.That(TemplateChecks.UnresolvedDeferredReferences(inner), Is.Empty, "the installed playbook template resolves its own parameters and variables");
        });
    }

    [Test]
    public void Content_schema_3_resource_types_and_api_versions()
    {
        var main = MainTemplate;
        foreach (var resource in TemplateChecks.Resources(main))
        {
            var type = resource["type"]!.GetValue<string>();
            var apiVersion = resource["apiVersion"]!.GetValue<string>();
            switch (type)
            {
                case ApiVersions.ContentTemplateType or ApiVersions.ContentPackageType:
                    Assert.That(apiVersion, Is.EqualTo("2023-04-01-preview"), type);
                    Assert.That(resource["properties"]!["contentSchemaVersion"]!.GetValue<string>(), Is.EqualTo("3.0.0"));
                    break;
                case ApiVersions.SavedSearchType:
                    Assert.That(apiVersion, Is.EqualTo("2022-10-01"), "installed parser function");
                    break;
                default:
                    Assert.Fail($"unexpected top-level resource {type}");
                    break;
            }
        }
        var inner = TemplateChecks.Resources(main)
            .Where(r => r["type"]!.GetValue<string>() == ApiVersions.ContentTemplateType)
            .SelectMany(r => TemplateChecks.Resources((JsonObject)r["properties"]!["mainTemplate"]!))
            .ToList();
        var rule = inner.First(r => r["type"]!.GetValue<string>() == ApiVersions.AlertRuleTemplateType);
        Assert.That(rule["apiVersion"]!.GetValue<string>(), Is.EqualTo("2023-02-01-preview"));
        Assert.That(rule["properties"]!["requiredDataConnectors"]![0]!["connectorId"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(inner.Where(r => r["type"]!.GetValue<string>() == ApiVersions.MetadataType).Select(r => r["apiVersion"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "2022-01-01-preview" }));
        Assert.That(inner.Count(r => r["type"]!.GetValue<string>() == ApiVersions.MetadataType), Is.EqualTo(6), "one metadata resource per item");
        var workbook = inner.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Insights/workbooks");
        Assert.That(workbook["apiVersion"]!.GetValue<string>(), Is.EqualTo("2022-04-01"));
        Assert.That(Guid.TryParse(workbook["name"]!.GetValue<string>(), out _), Is.True, "a literal, stable workbook name");
    }

    [Test]
    public void Content_product_ids_follow_the_documented_formula()
    {
        var template = TemplateChecks.Resources(MainTemplate).First(r => r["properties"]?["contentKind"]?.GetValue<string>() == "AnalyticsRule");
        var id = template["properties"]!["contentProductId"]!.GetValue<string>();
        Assert.That(id, Does.StartWith("[concat(take(variables('_solutionId'), 50), '-', 'ar', '-', uniqueString(concat(variables('_solutionId'), '-', 'AnalyticsRule', '-', '"));
        Assert.That(template["properties"]!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public void Main_template_parameters_and_variables_resolve()
    {
        var main = MainTemplate;
        Assert.That(TemplateChecks.UnresolvedReferences(main), Is.Empty);
        Assert.That(main["parameters"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "location", "workspace-location", "workspace" }));
        Assert.That(main["variables"]!["_solutionVersion"]!.GetValue<string>(), Is.EqualTo("2.3.4"));
    }

    [Test]
    public void Create_ui_definition_outputs_the_main_template_parameters()
    {
        var ui = JsonNode.Parse(s_build.Files.Single(f => f.RelativePath == "solution/createUiDefinition.json").Bytes)!;
        Assert.That(ui["parameters"]!["outputs"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "location", "workspace-location", "workspace" }));
        Assert.That(ui["parameters"]!["basics"]!.AsArray().Select(b => b!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "getLAWorkspace", "workspace" }));
        var steps = ui["parameters"]!["steps"]!.AsArray();
        Assert.That(steps.Select(s => s!["label"]!.GetValue<string>()), Is.EqualTo(new[] { "Analytics", "Hunting Queries", "Parsers", "Playbooks", "Workbooks" }));
        var playbooks = steps.Single(s => s!["label"]!.GetValue<string>() == "Playbooks")!["elements"]![0]!["options"]!["text"]!.GetValue<string>();
        Assert.That(playbooks, Does.StartWith("This solution installs 1 item(s) of kind Playbook: AIPack-EnrichConversationContext."));
    }

    [Test]
    public void Zip_holds_the_two_package_files_with_fixed_timestamps()
    {
        var zip = s_build.Files.Single(f => f.RelativePath == "solution/2.3.4.zip");
        using var archive = new ZipArchive(new MemoryStream(zip.Bytes), ZipArchiveMode.Read);
        Assert.That(archive.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "createUiDefinition.json", "mainTemplate.json" }));
        foreach (var entry in archive.Entries)
        {
            Assert.That(entry.LastWriteTime.Year, Is.EqualTo(1980));
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(s_build.Files.Single(f => f.RelativePath == "solution/" + entry.FullName).Bytes), entry.FullName);
        }
    }
}
