using System.Security.Cryptography;
using System.Text.Json;
using SentinelAiPack.Telemetry.SampleData;
using SentinelAiPack.Telemetry.SampleData.Scenarios;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.Tests.SampleData;

/// <summary>Shape of the generated files: one per table, rows that fit the schemas, times inside the window, determinism.</summary>
public class GeneratorOutputTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Test]
    public void Same_options_give_byte_identical_files()
    {
        var options = new GeneratorOptions { Users = 40, Days = 1, Seed = 11, Scenarios = [ScenarioCatalog.All] };
        using var first = new GeneratedData(options);
        using var second = new GeneratedData(options);

        Assert.That(Hashes(second.Folder), Is.EqualTo(Hashes(first.Folder)));
    }

    [Test]
    public void Another_seed_gives_other_traffic()
    {
        using var first = new GeneratedData(new GeneratorOptions { Users = 40, Seed = 1 });
        using var second = new GeneratedData(new GeneratorOptions { Users = 40, Seed = 2 });

        Assert.That(Hashes(second.Folder)["AIConversationTurn_CL.jsonl"], Is.Not.EqualTo(Hashes(first.Folder)["AIConversationTurn_CL.jsonl"]));
    }

    [Test]
    public void Every_table_the_pack_reads_gets_a_file_and_nearly_all_get_rows()
    {
        using var data = new GeneratedData(new GeneratorOptions { Users = 150, Days = 2, Scenarios = [ScenarioCatalog.All] });

        var files = Directory.EnumerateFiles(data.Folder, "*.jsonl").Select(Path.GetFileNameWithoutExtension);
        Assert.That(files, Is.EquivalentTo(PackSchemas.Tables.Select(t => t.Name)));
        Assert.That(File.Exists(Path.Combine(data.Folder, SampleDataGenerator.ManifestFile)), Is.True);
        var empty = data.Summary.Tables.Where(t => t.Rows == 0).Select(t => t.Table);
        Assert.That(empty, Is.SubsetOf(new[] { "LLMActivity" }), "tables without rows");
    }

    [Test]
    public void Every_row_fits_its_table_schema_and_the_window()
    {
        using var data = new GeneratedData(new GeneratorOptions { Users = 60, Days = 2, Scenarios = [ScenarioCatalog.All] });

        foreach (var table in PackSchemas.Tables)
        {
            var types = table.Columns.ToDictionary(c => c.Name, c => c.Type);
            foreach (var row in data.Rows(table.Name))
            {
                foreach (var property in row.EnumerateObject())
                {
                    Assert.That(types.ContainsKey(property.Name), Is.True, $"{table.Name}.{property.Name} is not a column");
                    Assert.That(Fits(types[property.Name], property.Value), Is.True, $"{table.Name}.{property.Name} = {property.Value.GetRawText()} is not {types[property.Name]}");
                }

                Assert.That(row.T(), Is.InRange(data.Start, data.Options.End.AddHours(3)), table.Name);
                if (types.ContainsKey("Type"))
                {
                    Assert.That(row.S("Type"), Is.EqualTo(table.Name));
                }
            }
        }
    }

    [Test]
    public void Both_days_have_conversations()
    {
        using var data = new GeneratedData(new GeneratorOptions { Users = 60, Days = 2 });

        var days = data.Rows("AIConversationTurn_CL").Select(r => r.T().Date).Distinct();
        Assert.That(days, Is.EquivalentTo(new[] { data.Start, data.Start.AddDays(1) }));
    }

    [Test]
    public void Benign_traffic_carries_no_attack_infrastructure()
    {
        using var data = new GeneratedData(new GeneratorOptions { Users = 150, Days = 1 });

        foreach (var file in Directory.EnumerateFiles(data.Folder, "*.jsonl"))
        {
            var text = File.ReadAllText(file);
            Assert.That(text, Does.Not.Contain(".example").And.Not.Contain("192.0.2.66").And.Not.Contain("169.254.169.254"), Path.GetFileName(file));
        }

        Assert.That(data.Rows("AIToolCall_CL").Where(r => r.S("ActionKind") == "delete"), Is.Empty);
        Assert.That(data.Summary.Scenarios, Is.Empty);
    }

    [Test]
    public void Manifest_lists_the_injected_scenarios_with_times_in_the_last_day()
    {
        using var data = new GeneratedData(new GeneratorOptions { Users = 60, Days = 3, Scenarios = ["payment-tool-action", "model-hash-mismatch"] });
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Folder, SampleDataGenerator.ManifestFile)));

        var scenarios = manifest.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.That(scenarios.Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[] { "payment-tool-action", "model-hash-mismatch" }));
        foreach (var scenario in scenarios)
        {
            Assert.That(scenario.T("at"), Is.InRange(data.Options.End.AddDays(-1), data.Options.End));
            Assert.That(scenario.GetProperty("markers").EnumerateObject(), Is.Not.Empty);
        }
    }

    private static bool Fits(string type, JsonElement value) => type switch
    {
        "string" or "guid" => value.ValueKind == JsonValueKind.String,
        "datetime" => value.ValueKind == JsonValueKind.String && DateTime.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out _),
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "real" => value.ValueKind == JsonValueKind.Number,
        "bool" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "dynamic" => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };
}
