using System.Text;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;

namespace SentinelAiPack.Workbooks.Tests;

public sealed class ExpansionTests
{
    private static readonly Specs.WorkbookSpec Spec = WorkbookSpecLoader.LoadText("""
        key: T
        title: T
        description: D
        version: 1.0.0
        dataTypes: [X]
        parameters:
          - {name: TimeRange, type: timeRange}
          - {name: User, type: text}
          - {name: Apps, type: dropdown, multiSelect: true, choices: [a, b]}
        sections:
          - {title: S, text: t}
        """, "t.workbook.yaml").Spec!;

    private const string Query = "T | where TimeGenerated {TimeRange} | where U == {User} and A in ({Apps}) | summarize count() by bin(TimeGenerated, {TimeRange:grain})";

    [Test]
    public void Placeholders_are_typed_and_offsets_map_back_to_the_reference()
    {
        var expanded = QueryExpander.Expand(Query, Spec, PlaceholderExpansion.Instance);

        Assert.That(expanded.Text, Is.EqualTo(
            "T | where TimeGenerated > ago(1d) | where U == \"aipack-placeholder\" and A in (dynamic([\"aipack-placeholder\"])) | summarize count() by bin(TimeGenerated, 1h)"));
        var userAt = expanded.Text.IndexOf("\"aipack", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(expanded.SourceOffset(userAt + 3), Is.EqualTo(Query.IndexOf("{User}", StringComparison.Ordinal)));
            var tail = expanded.Text.IndexOf("summarize", StringComparison.Ordinal);
            Assert.That(expanded.SourceOffset(tail), Is.EqualTo(Query.IndexOf("summarize", StringComparison.Ordinal)));
            Assert.That(expanded.SourceRange(userAt, 20), Is.EqualTo((Query.IndexOf("{User}", StringComparison.Ordinal), 1)));
        });
    }

    [Test]
    public void A_prelude_maps_to_the_start_of_the_query()
    {
        var expanded = QueryExpander.Expand("X | take 1", Spec, PlaceholderExpansion.Instance, "let X = 1;\n");

        Assert.That(expanded.Text, Is.EqualTo("let X = 1;\nX | take 1"));
        Assert.That(expanded.SourceOffset(3), Is.Zero);
        Assert.That(expanded.SourceOffset(11), Is.Zero);
        Assert.That(expanded.SourceOffset(13), Is.EqualTo(2));
    }

    [Test]
    public void Gallery_queries_decode_string_parameters_from_base64()
    {
        var expanded = QueryExpander.Expand(Query, Spec, GalleryExpansion.Instance).Text;

        Assert.That(expanded, Does.Contain("TimeGenerated {TimeRange} |"));
        Assert.That(expanded, Does.Contain("U == base64_decode_tostring('{User:base64}')"));
        Assert.That(expanded, Does.Contain("A in (todynamic(strcat('[', base64_decode_tostring('{Apps:base64}'), ']')))"));
        Assert.That(expanded, Does.Contain("bin(TimeGenerated, {TimeRange:grain})"));
    }

    [TestCase("x' or 1==1 //")]
    [TestCase("\"); drop table T; //")]
    [TestCase("')| union (SecurityEvent")]
    public void Hostile_values_cannot_leave_their_literal(string hostile)
    {
        var values = new Dictionary<string, IReadOnlyList<string>> { ["User"] = [hostile], ["Apps"] = [hostile, "b"] };
        var expansion = new ValueExpansion(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), values);

        var expanded = QueryExpander.Expand(Query, Spec, expansion).Text;

        // The value only ever appears base64-encoded: nothing of it is KQL.
        Assert.That(expanded, Does.Not.Contain(hostile));
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(hostile));
        Assert.That(expanded, Does.Contain($"base64_decode_tostring('{encoded}')"));
        Assert.That(expanded, Does.Contain("between (datetime(2025-06-30T00:00:00.000Z) .. datetime(2025-07-01T00:00:00.000Z))"));
        Assert.That(expanded, Does.Contain("bin(TimeGenerated, 15m)"));
    }

    [Test]
    public void Kql_string_literals_escape_quotes_backslashes_and_controls()
    {
        Assert.That(KqlLiteral.String("a\"b\\c\nd\u0001"), Is.EqualTo("\"a\\\"b\\\\c\\nd\\u0001\""));
    }

    [Test]
    public void Unknown_parameters_and_formats_are_left_for_the_validator()
    {
        var expanded = QueryExpander.Expand("T | where A == {Nope} and B == {User:label}", Spec, PlaceholderExpansion.Instance).Text;

        Assert.That(expanded, Is.EqualTo("T | where A == {Nope} and B == {User:label}"));
    }

    [Test]
    public void Rule_catalog_is_prepended_only_where_used_with_escaped_values()
    {
        var catalog = new RuleCatalog([new CatalogRule("id-1", "Rule \"one\"", "PromptInjection", "High")]);

        Assert.That(catalog.PreludeFor("SecurityAlert | take 1"), Is.Empty);
        var prelude = catalog.PreludeFor("AIPackRules | take 1");
        Assert.That(prelude, Does.StartWith("let AIPackRules = datatable(RuleId:string, RuleName:string, AlertType:string, Severity:string)["));
        Assert.That(prelude, Does.Contain("\"Rule \\\"one\\\"\""));
        Assert.That(RuleCatalog.Empty.PreludeFor("AIPackRules"), Does.EndWith("[];\n"));
    }
}
