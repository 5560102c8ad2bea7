using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Telemetry.SampleData.Scenarios;
using SentinelAiPack.Telemetry.Schemas;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Telemetry.Tests.Docs;

/// <summary>docs/data-model.md documents exactly the columns of each parser's output schema and of each custom table.</summary>
public class DataModelDocTests
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Path.Combine(RepositoryPaths.Docs, "data-model.md")));

    public static IEnumerable<string> ParserNames() =>
        Directory.EnumerateFiles(RepositoryPaths.Parsers, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> CustomTableNames() => PackSchemas.CustomTables.Select(t => t.Name);

    /// <summary>The (column, type) rows of the first table under the "### <paramref name="heading"/>" section.</summary>
    private static List<string> DocumentedColumns(string heading)
    {
        var lines = Lines.Value;
        var start = Array.IndexOf(lines, "### " + heading);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/data-model.md has no section '### {heading}'");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith("| Column |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        return [.. rows.Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(cells => cells[1] + ":" + cells[2])];
    }

    [TestCaseSource(nameof(ParserNames))]
    public void Parser_section_lists_the_output_schema(string name)
    {
        var path = Path.Combine(RepositoryPaths.Parsers, name + ".schema.json");
        var function = SchemaLoader.LoadFile(path, new DiagnosticBag(path)).Functions.Single();

        Assert.That(DocumentedColumns(name), Is.EqualTo(function.OutputColumns!.Select(c => c.Name + ":" + c.Type)));
    }

    [TestCaseSource(nameof(CustomTableNames))]
    public void Custom_table_section_lists_the_table_schema(string name) =>
        Assert.That(DocumentedColumns(name), Is.EqualTo(PackSchemas.Get(name).Columns.Select(c => c.Name + ":" + c.Type)));

    [Test]
    public void Every_scenario_is_listed_with_its_description() =>
        Assert.That(ScenarioCatalog.Scenarios.Select(s => $"| `{s.Name}` | {s.Description} |"), Is.SubsetOf(Lines.Value));
}
