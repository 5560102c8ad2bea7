using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Telemetry.SampleData;

namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>
/// Traffic of the simulated tenant from <see cref="SampleDataGenerator"/> with attack scenarios injected, written to a
/// temporary folder and loaded into engine tables. <c>scenarios.json</c> gives each scenario's time and identifiers.
/// </summary>
public sealed class GeneratedTenant : IDisposable
{
    private readonly JsonArray _scenarios;

    private GeneratedTenant(string folder, IReadOnlyDictionary<string, Table> tables, JsonObject manifest)
    {
        Folder = folder;
        Tables = tables;
        _scenarios = manifest["scenarios"]!.AsArray();
        End = DateTime.Parse(manifest["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, Table> Tables { get; }

    /// <summary>End of the generated window.</summary>
    public DateTime End { get; }

    /// <summary>Generates and loads a tenant with <paramref name="scenarios"/> injected.</summary>
    public static GeneratedTenant Create(IReadOnlyList<string> scenarios, int users = 120, int days = 2)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aipack-enrich-" + Guid.NewGuid().ToString("N")[..12]);
        SampleDataGenerator.Generate(new GeneratorOptions { Users = users, Days = days, Seed = 7, Scenarios = scenarios }, folder);
        var loaded = DataFolder.Load(folder, PackSchemaSet.Schemas);
        if (loaded.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", loaded.Diagnostics.Select(d => d.Message)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, SampleDataGenerator.ManifestFile)))!.AsObject();
        return new GeneratedTenant(folder, loaded.Tables, manifest);
    }

    /// <summary>When the scenario's attack started.</summary>
    public DateTimeOffset At(string scenario) =>
        DateTimeOffset.Parse(Scenario(scenario)["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The identifiers the scenario recorded (user, sessionId, deployment, ...).</summary>
    public IReadOnlyDictionary<string, string> Markers(string scenario) =>
        Scenario(scenario)["markers"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    /// <summary>Rows of a generated table file whose columns have the given values.</summary>
    public IEnumerable<JsonElement> Rows(string table, Func<JsonElement, bool> where)
    {
        foreach (var line in File.ReadLines(Path.Combine(Folder, table + ".jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            if (where(document.RootElement))
            {
                yield return document.RootElement.Clone();
            }
        }
    }

    private JsonObject Scenario(string name) =>
        _scenarios.Select(s => s!.AsObject()).FirstOrDefault(s => s["name"]!.GetValue<string>() == name)
        ?? throw new ArgumentException($"scenario {name} was not injected", nameof(name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
