using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Workbooks.Checks;
using SentinelAiPack.Workbooks.Generation;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>Every workbook of the pack, generated and put through the Azure-Sentinel repository's structural checks.</summary>
public sealed class GenerationTests
{
    [Test]
    public void The_pack_has_at_least_seven_workbooks_with_unique_keys_and_one_per_alert_type()
    {
        var specs = Repo.SpecFiles.Select(Repo.LoadSpec).ToList();

        Assert.That(specs, Has.Count.GreaterThanOrEqualTo(7));
        Assert.That(GalleryTemplateChecks.DuplicateKeys(specs.Select(s => WorkbookArtifacts.Generate(s).Metadata)), Is.Empty);
        Assert.That(specs.Select(s => s.AlertType?.Value).OfType<string>(), Is.SupersetOf(new[]
        {
            "PromptInjection", "OutputPolicyViolation", "AnomalousToolCall", "ModelDrift", "TrainingPipelineAnomaly", "RagVectorStore",
        }));
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public void Gallery_json_passes_the_template_checks(string path)
    {
        var artifacts = WorkbookArtifacts.Generate(Repo.LoadSpec(path), Repo.Catalog);

        Assert.That(GalleryTemplateChecks.CheckTemplate(artifacts.GalleryJson), Is.Empty);
        Assert.That(GalleryTemplateChecks.CheckMetadata(artifacts.Metadata), Is.Empty);
        var gallery = JsonNode.Parse(artifacts.GalleryJson)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(gallery["version"]!.GetValue<string>(), Is.EqualTo("Notebook/1.0"));
            Assert.That(gallery["fromTemplateId"]!.GetValue<string>(), Is.EqualTo("sentinel-" + artifacts.Spec.Key.Value));
            Assert.That(gallery["fromTemplateId"]!.GetValue<string>(), Is.Not.EqualTo("sentinel-UserWorkbook"));
            Assert.That(artifacts.GalleryJson, Does.Not.Match("subscriptions/[0-9a-fA-F]{8}-"));
            Assert.That(gallery["$schema"]!.GetValue<string>(), Does.EndWith("schema/workbook.json"));
        });
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public void Every_tile_and_parameter_becomes_the_documented_item_shape(string path)
    {
        var spec = Repo.LoadSpec(path);
        var gallery = WorkbookArtifacts.Generate(spec, Repo.Catalog).Gallery;
        var items = Flatten(gallery["items"]!.AsArray()).ToList();

        var queries = items.Where(i => i["type"]!.GetValue<int>() == 3).ToList();
        Assert.That(queries, Has.Count.EqualTo(spec.QueryTiles.Count()));
        foreach (var (item, tile) in queries.Zip(spec.QueryTiles))
        {
            var content = item["content"]!.AsObject();
            Assert.That(content["version"]!.GetValue<string>(), Is.EqualTo("KqlItem/1.0"));
            Assert.That(content["queryType"]!.GetValue<int>(), Is.Zero);
            Assert.That(content["resourceType"]!.GetValue<string>(), Is.EqualTo("microsoft.operationalinsights/workspaces"));
            Assert.That(content["title"]!.GetValue<string>(), Is.EqualTo(tile.Title.Value));
            Assert.That(content["timeContextFromParameter"]!.GetValue<string>(), Is.EqualTo("TimeRange"));
            if (tile.DrillDown is { } drill)
            {
                Assert.That(content["exportFieldName"]!.GetValue<string>(), Is.EqualTo(drill.Column.Value));
                Assert.That(content["exportParameterName"]!.GetValue<string>(), Is.EqualTo(drill.Parameter.Value));
            }
            // Parameters are never pasted raw into KQL: string values arrive base64-encoded.
            foreach (var p in spec.Parameters.Where(p => p.Kind != Specs.ParameterKind.TimeRange))
            {
                Assert.That(content["query"]!.GetValue<string>(), Does.Not.Contain("{" + p.Name.Value + "}"));
            }
        }
        var parameters = items.Single(i => i["type"]!.GetValue<int>() == 9)["content"]!["parameters"]!.AsArray();
        Assert.That(parameters.Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(spec.Parameters.Select(p => p.Name.Value)));
        var time = parameters.Single(p => p!["name"]!.GetValue<string>() == "TimeRange")!;
        Assert.That(time["type"]!.GetValue<int>(), Is.EqualTo(4));
        foreach (var dropdown in parameters.Where(p => p!["type"]!.GetValue<int>() == 2))
        {
            Assert.That(dropdown!["version"]!.GetValue<string>(), Is.EqualTo("KqlParameterItem/1.0"));
            Assert.That(dropdown["query"] ?? dropdown["jsonData"], Is.Not.Null);
        }
        var visible = items.Where(i => i["conditionalVisibility"] is not null).ToList();
        Assert.That(visible, Has.Count.EqualTo(spec.Sections.Count(s => s.VisibleWhen is not null) + spec.Sections.SelectMany(s => s.Tiles).Count(t => t.VisibleWhen is not null)));
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public void Generation_is_deterministic_and_the_arm_resource_carries_the_gallery(string path)
    {
        var spec = Repo.LoadSpec(path);
        var first = WorkbookArtifacts.Generate(spec, Repo.Catalog);
        var second = WorkbookArtifacts.Generate(Repo.LoadSpec(path), Repo.Catalog);

        Assert.That(second.GalleryJson, Is.EqualTo(first.GalleryJson));
        Assert.That(second.ArmTemplateJson, Is.EqualTo(first.ArmTemplateJson));
        Assert.That(second.MetadataJson, Is.EqualTo(first.MetadataJson));
        Assert.That(first.GalleryJson, Does.EndWith("}\n").And.Not.Contain("\r"));

        var arm = JsonNode.Parse(first.ArmTemplateJson)!.AsObject();
        var resource = arm["resources"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(arm["parameters"]!["workspace"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
            Assert.That(resource["type"]!.GetValue<string>(), Is.EqualTo("Microsoft.Insights/workbooks"));
            Assert.That(resource["kind"]!.GetValue<string>(), Is.EqualTo("shared"));
            Assert.That(resource["properties"]!["category"]!.GetValue<string>(), Is.EqualTo("sentinel"));
            var serialized = resource["properties"]!["serializedData"]!.GetValue<string>();
            // A value starting with '[' would be evaluated as an ARM expression.
            Assert.That(serialized, Does.StartWith("{"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(serialized), first.Gallery), Is.True);
            Assert.That(first.ArmTemplateJson, Does.Not.Match("subscriptions/[0-9a-fA-F]{8}-"));
        });
    }

    [Test]
    public void Metadata_file_lists_every_workbook_in_key_order()
    {
        var sets = Repo.SpecFiles.Select(f => WorkbookArtifacts.Generate(Repo.LoadSpec(f))).ToList();

        var file = JsonNode.Parse(WorkbookArtifacts.MetadataFile(sets))!.AsArray();

        var keys = file.Select(e => e!["workbookKey"]!.GetValue<string>()).ToList();
        Assert.That(keys, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(keys, Has.Count.EqualTo(sets.Count));
        Assert.That(file.Select(e => e!["templateRelativePath"]!.GetValue<string>()), Is.EqualTo(file.Select(e => e!["workbookKey"]!.GetValue<string>() + ".json")));
    }

    [Test]
    public void Template_checks_catch_what_the_repository_rejects()
    {
        var bad = """
            {"version": "Notebook/1.0", "fromTemplateId": "sentinel-UserWorkbook",
             "items": [{"type": 3, "name": "q", "content": {"version": "KqlItem/1.0", "query": "x",
               "crossComponentResources": ["/subscriptions/0b7e5c3a-1f2d-4e6b-9a8c-5d4e3f2a1b0c/resourceGroups/rg"]}},
               {"type": 7, "name": "q", "content": {}}]}
            """;

        var problems = GalleryTemplateChecks.CheckTemplate(bad);

        Assert.That(problems, Has.Some.StartsWith("Contains info of a resource at offset"));
        Assert.That(problems, Has.Some.Contains("sentinel-UserWorkbook"));
        Assert.That(problems, Has.Some.Contains("queryType 0"));
        Assert.That(problems, Has.Some.Contains("'type' must be 1"));
        Assert.That(GalleryTemplateChecks.CheckTemplate("{not json"), Has.Some.StartsWith("The template is not valid JSON"));
    }

    [Test]
    public void Metadata_checks_follow_the_repository_schema()
    {
        var entry = JsonNode.Parse("""
            {"workbookKey": "K", "logoFileName": "l.svg", "description": "d", "dataTypesDependencies": [""],
             "dataConnectorsDependencies": [], "previewImagesFileNames": ["KWhite.jpg"], "version": "1.0.0", "title": "t",
             "templateRelativePath": "K.json", "subtitle": "", "extra": 1}
            """)!.AsObject();

        var problems = GalleryTemplateChecks.CheckMetadata(entry);

        Assert.That(problems, Has.Some.Contains("'extra' is not allowed"));
        Assert.That(problems, Has.Some.Contains("'provider' is required"));
        Assert.That(problems, Has.Some.Contains("not [\"\"]"));
        Assert.That(problems, Has.Some.Contains(".png"));
        Assert.That(problems, Has.Some.Contains("black-theme"));
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray items)
    {
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            yield return item;
            if (item["type"]!.GetValue<int>() == 12)
            {
                foreach (var child in Flatten(item["content"]!["items"]!.AsArray()))
                {
                    yield return child;
                }
            }
        }
    }
}
