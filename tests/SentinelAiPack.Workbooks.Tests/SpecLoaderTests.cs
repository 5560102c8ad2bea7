using SentinelAiPack.Content.Tests;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Tests;

public sealed class SpecLoaderTests
{
    private const string Minimal = """
        key: TestBook
        title: Test
        description: A test workbook.
        version: 1.0.0
        dataTypes: [AIConversationTurns]
        parameters:
          - name: TimeRange
            type: timeRange
            default: 7d
          - name: Session
            type: text
        sections:
          - title: First
            tiles:
              - title: Turns
                visualization: timechart
                width: 50
                drillDown: {column: SessionId, parameter: Session}
                query: |
                  AIConversationTurns
                  | where TimeGenerated {TimeRange}
                  | summarize Turns = count() by bin(TimeGenerated, {TimeRange:grain})
              - markdown: Some **text**.
          - title: Second
            visibleWhen: {parameter: Session, notEquals: ""}
            text: Only with a session.
        """;

    [Test]
    public void Reads_every_part_of_a_spec_with_positions()
    {
        var result = WorkbookSpecLoader.LoadText(Minimal, "workbooks/test.workbook.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        var spec = result.Spec!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Name, Is.EqualTo("test"));
            Assert.That(spec.TemplateId, Is.EqualTo("sentinel-TestBook"));
            Assert.That(spec.Parameters.Select(p => p.Kind), Is.EqualTo(new[] { ParameterKind.TimeRange, ParameterKind.Text }));
            Assert.That(spec.Parameters[0].DefaultRange, Is.EqualTo(TimeSpan.FromDays(7)));
            var tile = spec.QueryTiles.Single();
            Assert.That(tile.Name, Is.EqualTo("turns"));
            Assert.That(tile.Visualization, Is.EqualTo(Visualization.TimeChart));
            Assert.That(tile.Width, Is.EqualTo(50));
            Assert.That(tile.DrillDown!.Column.Value, Is.EqualTo("SessionId"));
            Assert.That(tile.Query.Span.Line, Is.EqualTo(19));
            // The query's source map points into the YAML block: character 0 of the query is line 20, column 11.
            Assert.That(tile.Query.SourceMap.GetPosition(0).Line, Is.EqualTo(20));
            Assert.That(tile.Query.SourceMap.GetPosition(0).Column, Is.EqualTo(11));
            Assert.That(spec.Sections[1].VisibleWhen!.Comparison, Is.EqualTo(VisibilityComparison.IsNotEqualTo));
        });
    }

    [TestCase("key: [a]\n", "SAP5009")]
    [TestCase("key: Test\ntitle: T\ndescription: D\nversion: 1.0\ndataTypes: [X]\nsections: []\n", "SAP7002")]
    [TestCase("title: T\ndescription: D\nversion: 1.0.0\ndataTypes: [X]\nsections: []\n", "SAP7001")]
    [TestCase("key: Test\ntitle: T\ndescription: D\nversion: 1.0.0\ndataTypes: [X]\nsectons: []\n", "SAP5010")]
    [TestCase("key: Test\n  title: : [\n", "SAP5005")]
    [TestCase("- a\n- b\n", "SAP5006")]
    public void Bad_specs_become_findings_not_exceptions(string yaml, string expectedCode)
    {
        var result = WorkbookSpecLoader.LoadText(yaml, "bad.workbook.yaml");

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(expectedCode));
        Assert.That(result.Diagnostics.All(d => d.FilePath == "bad.workbook.yaml"), Is.True);
    }

    [Test]
    public void Invalid_values_are_reported_at_their_line()
    {
        var yaml = Minimal.Replace("visualization: timechart", "visualization: sparkline", StringComparison.Ordinal)
            .Replace("width: 50", "width: 150", StringComparison.Ordinal)
            .Replace("default: 7d", "default: 5d", StringComparison.Ordinal);

        var result = WorkbookSpecLoader.LoadText(yaml, "x.workbook.yaml");

        var invalid = result.Diagnostics.Where(d => d.Code == WorkbookCodes.InvalidValue.Code).ToList();
        Assert.That(invalid.Select(d => d.Span.Line), Is.EquivalentTo(new[] { 9, 16, 17 }));
        Assert.That(invalid.Select(d => d.Message), Has.Some.Contains("sparkline").And.Some.Contains("150").And.Some.Contains("5d"));
    }

    [Test]
    public void Binary_and_empty_files_are_refused_with_a_message()
    {
        using var folder = new TempFolder();
        var binary = folder.WriteBytes("bin.workbook.yaml", [0x6B, 0x65, 0x79, 0x00, 0x01]);
        var empty = folder.Write("empty.workbook.yaml", "   \n");

        Assert.Multiple(() =>
        {
            Assert.That(WorkbookSpecLoader.Load(binary).Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SAP5003" }));
            Assert.That(WorkbookSpecLoader.Load(empty).Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SAP5004" }));
        });
    }

    [Test]
    public void Spec_files_are_recognized_by_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WorkbookFiles.IsSpecFile("workbooks/overview.workbook.yaml"), Is.True);
            Assert.That(WorkbookFiles.IsSpecFile("workbooks/overview.WORKBOOK.yml"), Is.True);
            Assert.That(WorkbookFiles.IsSpecFile("detections/rule.yaml"), Is.False);
            Assert.That(WorkbookFiles.NameOf("a/b/prompt-injection.workbook.yaml"), Is.EqualTo("prompt-injection"));
        });
    }
}
