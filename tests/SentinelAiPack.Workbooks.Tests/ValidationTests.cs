using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Tests;
using SentinelAiPack.Workbooks.Checks;
using SentinelAiPack.Workbooks.Queries;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>Every tile of every workbook is analyzed like a rule; broken specs get findings at their own line.</summary>
public sealed class ValidationTests
{
    [Test]
    public async Task Every_tile_and_parameter_query_of_the_pack_validates()
    {
        var result = await new WorkbookValidator(Repo.Analyzer).ValidateAsync(Repo.SpecFiles, Repo.Schemas, Repo.Catalog);

        Assert.That(result.Specs, Has.Count.EqualTo(Repo.SpecFiles.Count));
        Assert.That(result.Diagnostics.Select(d => $"{Path.GetFileName(d.FilePath)}:{d.Span.Line}: {d.Code} {d.Message}"), Is.Empty);
    }

    private const string Broken = """
        key: Broken
        title: Broken
        description: D
        version: 1.0.0
        dataTypes: [AIConversationTurns]
        parameters:
          - {name: TimeRange, type: timeRange}
          - {name: Session, type: text}
          - {name: Unused, type: text}
        sections:
          - title: S
            tiles:
              - title: Misspelled column
                query: |
                  AIConversationTurns
                  | where TimeGenerated {TimeRange}
                  | summarize count() by Rolee
              - title: Type error through a placeholder
                query: |
                  AIConversationTurns
                  | where TurnIndex > {Session}
              - title: Drill-down column missing
                drillDown: {column: SessionKey, parameter: Session}
                query: |
                  AIConversationTurns
                  | summarize Turns = count() by SessionId
              - title: Not a time chart
                visualization: timechart
                query: |
                  AIToolCalls
                  | summarize Calls = count() by ToolName
              - title: Unknown parameter
                query: |
                  AIConversationTurns
                  | where UserPrincipalName == {Usr}
              - title: Unsupported format
                query: |
                  AIToolCalls
                  | where TimeGenerated > {TimeRange:start}
        """;

    [Test]
    public async Task Broken_specs_get_findings_at_the_spec_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.workbook.yaml", Broken);

        var result = await new WorkbookValidator(Repo.Analyzer).ValidateAsync([path], Repo.Schemas, RuleCatalog.Empty);

        var found = result.Diagnostics.Select(d => (d.Code, d.Span.Line, d.Span.Column)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(found, Does.Contain(("SAP3002", 17, 34)), "misspelled column at its place in the YAML block");
            // The analyzer marks the comparison whose right side is the string placeholder standing for {Session}.
            Assert.That(found, Does.Contain(("SAP2001", 21, 29)));
            Assert.That(found, Does.Contain(("SAP7006", 23, 29)));
            Assert.That(found.Where(f => f.Code == "SAP7007").Select(f => f.Line), Is.EqualTo(new[] { 27 }));
            Assert.That(found, Does.Contain(("SAP7003", 35, 40)));
            Assert.That(found, Does.Contain(("SAP7004", 39, 35)));
            Assert.That(found.Where(f => f.Code == "SAP7009").Select(f => f.Line), Is.EqualTo(new[] { 9 }));
            Assert.That(found.Where(f => f.Code == "SAP7008").Select(f => f.Line), Is.EqualTo(new[] { 5 }), "AIToolCalls is read but not declared");
        });
        Assert.That(result.Diagnostics.Where(d => d.Code == "SAP7003").Select(d => d.Message).Single(), Does.Contain("{Usr}").And.Contain("{Session}"));
    }

    [Test]
    public async Task Duplicate_keys_across_workbooks_are_reported()
    {
        using var folder = new TempFolder();
        var spec = File.ReadAllText(Path.Combine(Repo.WorkbooksFolder, "overview.workbook.yaml"));
        var first = folder.Write("a.workbook.yaml", spec);
        var second = folder.Write("b.workbook.yaml", spec);

        var result = await new WorkbookValidator(Repo.Analyzer).ValidateAsync([first, second], Repo.Schemas, Repo.Catalog);

        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => (d.Code, d.FilePath)),
            Is.EqualTo(new[] { ("SAP7012", second) }));
    }
}
