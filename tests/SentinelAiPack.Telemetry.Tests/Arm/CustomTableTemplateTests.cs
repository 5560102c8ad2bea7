using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Telemetry.Arm;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.Tests.Arm;

public partial class CustomTableTemplateTests
{
    private string _outDir = string.Empty;

    [SetUp]
    public void CreateOutDir() => _outDir = Directory.CreateTempSubdirectory("aipack-arm-").FullName;

    [TearDown]
    public void DeleteOutDir() => Directory.Delete(_outDir, recursive: true);

    private JsonObject WrittenTemplate()
    {
        var path = TelemetryArmWriter.Write(_outDir);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    private static IEnumerable<JsonObject> Resources(JsonObject template, string type) =>
        template["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type);

    [Test]
    public void Template_is_valid_json_with_the_right_resource_types_and_api_versions()
    {
        var template = WrittenTemplate();
        var resources = template["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.That((string?)template["$schema"], Is.EqualTo("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"));
        Assert.That(resources.Select(r => (string?)r["type"]).Distinct(), Is.EquivalentTo(new[] { CustomTableTemplate.TableType, CustomTableTemplate.EndpointType, CustomTableTemplate.RuleType }));
        foreach (var resource in resources)
        {
            var expected = (string?)resource["type"] == CustomTableTemplate.TableType ? "2022-10-01" : "2022-06-01";
            Assert.That((string?)resource["apiVersion"], Is.EqualTo(expected), (string?)resource["name"]);
        }

        Assert.That(Resources(template, CustomTableTemplate.EndpointType).Count(), Is.EqualTo(1));
    }

    [Test]
    public void Every_custom_table_gets_a_table_and_a_rule()
    {
        var template = WrittenTemplate();
        var custom = PackSchemas.CustomTables.Select(t => t.Name).ToList();

        Assert.That(custom, Has.Count.EqualTo(7));
        Assert.That(Resources(template, CustomTableTemplate.TableType).Select(r => (string?)r["properties"]!["schema"]!["name"]), Is.EqualTo(custom));
        Assert.That(Resources(template, CustomTableTemplate.RuleType).Select(r => r["properties"]!["streamDeclarations"]!.AsObject().Single().Key), Is.EqualTo(custom.Select(n => "Custom-" + n)));
        foreach (var table in Resources(template, CustomTableTemplate.TableType))
        {
            Assert.That((string?)table["properties"]!["plan"], Is.EqualTo("Analytics"));
        }
    }

    [Test]
    public void Table_columns_match_the_schema_without_ingestion_columns()
    {
        var template = WrittenTemplate();
        foreach (var schema in PackSchemas.CustomTables)
        {
            var resource = Resources(template, CustomTableTemplate.TableType).Single(r => (string?)r["properties"]!["schema"]!["name"] == schema.Name);
            var columns = resource["properties"]!["schema"]!["columns"]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"])).ToList();

            var expected = CustomTableColumns.Sent(schema).Select(c => (c.Name, ArmColumnTypes.ForTable(c.Type))).ToList();
            Assert.That(columns, Is.EqualTo(expected), schema.Name);
            Assert.That(columns.Select(c => c.Item1), Does.Not.Contain("TenantId").And.Not.Contain("_ResourceId"), schema.Name);
        }
    }

    [Test]
    public void Every_rule_stream_has_exactly_the_table_columns_with_stream_types()
    {
        var template = WrittenTemplate();
        var tableTypeToStreamType = new Dictionary<string, string>
        {
            ["string"] = "string", ["int"] = "int", ["long"] = "long", ["real"] = "real",
            ["boolean"] = "boolean", ["dateTime"] = "datetime", ["dynamic"] = "dynamic", ["guid"] = "string",
        };

        foreach (var rule in Resources(template, CustomTableTemplate.RuleType))
        {
            var (stream, declaration) = rule["properties"]!["streamDeclarations"]!.AsObject().Single();
            var tableName = stream["Custom-".Length..];
            var table = Resources(template, CustomTableTemplate.TableType).Single(r => (string?)r["properties"]!["schema"]!["name"] == tableName);

            var streamColumns = declaration!["columns"]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"])).ToList();
            var tableColumns = table["properties"]!["schema"]!["columns"]!.AsArray().Select(c => ((string?)c!["name"], tableTypeToStreamType[(string)c!["type"]!])).ToList();
            Assert.That(streamColumns, Is.EqualTo(tableColumns), stream);

            var flow = rule["properties"]!["dataFlows"]!.AsArray().Single()!;
            Assert.That((string?)flow["outputStream"], Is.EqualTo(stream));
            Assert.That((string?)flow["transformKql"], Is.EqualTo("source"));
            Assert.That(flow["streams"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { stream }));
            Assert.That(flow["destinations"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { CustomTableTemplate.DestinationName }));
            Assert.That(rule["properties"]!["destinations"]!["logAnalytics"]!.AsArray().Select(d => (string?)d!["name"]), Is.EqualTo(new[] { CustomTableTemplate.DestinationName }));
            Assert.That((string?)rule["properties"]!["dataCollectionEndpointId"], Does.Contain("dataCollectionEndpoints"));
        }
    }

    [Test]
    public void Every_parameter_the_template_uses_is_declared_and_has_a_description()
    {
        var template = WrittenTemplate();
        var text = CanonicalJson.Serialize(template);
        var declared = template["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();

        var used = ParameterReference().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.That(used, Is.SubsetOf(declared));
        Assert.That(declared, Is.SubsetOf(used));
        foreach (var (name, parameter) in template["parameters"]!.AsObject())
        {
            Assert.That((string?)parameter!["metadata"]!["description"], Is.Not.Empty, name);
        }
    }

    [Test]
    public void Output_is_byte_identical_and_keys_are_sorted()
    {
        var first = File.ReadAllBytes(TelemetryArmWriter.Write(_outDir));
        var second = File.ReadAllBytes(TelemetryArmWriter.Write(_outDir));

        Assert.That(second, Is.EqualTo(first));
        var text = System.Text.Encoding.UTF8.GetString(first);
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text.IndexOf("\"$schema\"", StringComparison.Ordinal), Is.LessThan(text.IndexOf("\"contentVersion\"", StringComparison.Ordinal)));
        Assert.That(text.IndexOf("\"outputs\"", StringComparison.Ordinal), Is.LessThan(text.IndexOf("\"parameters\"", StringComparison.Ordinal)));
    }

    [Test]
    public void A_timespan_column_is_refused_with_the_table_and_column()
    {
        var table = new TableSchema("Bad_CL", [new ColumnSchema("TimeGenerated", "datetime"), new ColumnSchema("Elapsed", "timespan")]) { SourcePath = "Bad_CL.json" };

        var error = Assert.Throws<CustomTableException>(() => CustomTableTemplate.Build([table]));

        Assert.That(error!.Message, Is.EqualTo("Bad_CL.json: column 'Elapsed' of custom table 'Bad_CL' has type 'timespan', which custom tables cannot store"));
    }

    [Test]
    public void A_custom_table_without_TimeGenerated_is_refused()
    {
        var table = new TableSchema("Bad_CL", [new ColumnSchema("When", "datetime")]);

        Assert.That(() => CustomTableTemplate.Build([table]), Throws.TypeOf<CustomTableException>().With.Message.Contains("TimeGenerated"));
    }

    [Test]
    public void Real_tables_are_not_deployed()
    {
        var template = CustomTableTemplate.Build(PackSchemas.Tables);

        var names = Resources(template, CustomTableTemplate.TableType).Select(r => (string?)r["properties"]!["schema"]!["name"]);
        Assert.That(names, Is.All.EndsWith("_CL"));
    }

    [GeneratedRegex(@"parameters\('([A-Za-z]+)'\)")]
    private static partial Regex ParameterReference();
}
