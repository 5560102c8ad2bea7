using System.Text.Json.Nodes;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Output;
using SentinelAiPack.Telemetry.SampleData.Scenarios;
using SentinelAiPack.Telemetry.SampleData.Traffic;
using SentinelAiPack.Telemetry.SampleData.World;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.SampleData;

/// <summary>
/// Generates realistic benign traffic for every table the pack reads, with named attack scenarios injected into it:
/// one <c>&lt;Table&gt;.jsonl</c> per table plus <c>scenarios.json</c> (what was injected, when, and the identifiers
/// involved) and the tenant's watchlists under <c>watchlists/</c>. Rows stream to disk day by day; memory stays flat as users and days grow.
/// </summary>
public static class SampleDataGenerator
{
    public const string ManifestFile = "scenarios.json";

    public static GenerationSummary Generate(GeneratorOptions options, string outDir)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var tenant = SimulatedTenant.Build(options.Seed, options.Users);
        var start = options.End.AddDays(-options.Days);
        var (scenarios, _) = ScenarioCatalog.Resolve(options.Scenarios);
        using var sink = new TableSink(outDir, PackSchemas.Tables, tenant.WorkspaceId);
        var ctx = new GenerationContext(sink, tenant, start, options.End, options.Seed);

        var contexts = scenarios.Select(s => (Scenario: s, Context: new ScenarioContext(ctx, s))).ToList();
        foreach (var (scenario, context) in contexts)
        {
            scenario.Prepare(context);
        }

        var users = new UserTraffic(ctx);
        var platform = new PlatformTraffic(ctx);
        for (var day = start; day < options.End; day = day.AddDays(1))
        {
            platform.Day(day);
            users.Day(day);
        }

        foreach (var (scenario, context) in contexts)
        {
            scenario.Inject(context);
        }

        MetricsPublisher.Publish(ctx);
        var injected = contexts.Select(c => new InjectedScenario(c.Scenario.Name, c.Scenario.Description, c.Context.At, c.Context.Markers)).ToList();
        sink.Dispose();
        WatchlistWriter.Write(outDir, tenant);
        WriteManifest(outDir, options, injected);
        return new GenerationSummary(sink.Counts, injected);
    }

    private static void WriteManifest(string outDir, GeneratorOptions options, IReadOnlyList<InjectedScenario> injected)
    {
        var scenarios = new JsonArray();
        foreach (var scenario in injected)
        {
            var markers = new JsonObject();
            foreach (var (key, value) in scenario.Markers)
            {
                markers[key] = value;
            }

            scenarios.Add(new JsonObject
            {
                ["name"] = scenario.Name,
                ["description"] = scenario.Description,
                ["at"] = RowWriter.Format(scenario.At),
                ["markers"] = markers,
            });
        }

        var manifest = new JsonObject
        {
            ["seed"] = options.Seed,
            ["users"] = options.Users,
            ["days"] = options.Days,
            ["start"] = RowWriter.Format(options.End.AddDays(-options.Days)),
            ["end"] = RowWriter.Format(options.End),
            ["scenarios"] = scenarios,
        };
        File.WriteAllText(Path.Combine(outDir, ManifestFile), CanonicalJson.Serialize(manifest));
    }
}
