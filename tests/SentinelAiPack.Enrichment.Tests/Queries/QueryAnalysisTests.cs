using SentinelAiPack.Enrichment.Queries;
using SentinelAiPack.Enrichment.Tests.Support;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Enrichment.Tests.Queries;

/// <summary>
/// Every enricher query, with its parameters bound by the real KqlParameters prolog, passes Microsoft's analyzer against
/// the pack's tables and parsers, reads only the pack's parsers, and uses every parameter it declares.
/// </summary>
public class QueryAnalysisTests
{
    public static IEnumerable<EnrichmentQuery> Queries() => EnrichmentQueries.All;

    private static readonly DateTimeOffset Start = new(2025, 6, 29, 0, 0, 0, TimeSpan.Zero);

    private static string Bound(EnrichmentQuery query)
    {
        var arguments = new QueryArguments();
        foreach (var parameter in query.Parameters)
        {
            _ = parameter.Type switch
            {
                QueryParameterType.DateTime => arguments.Time(parameter.Name, Start.AddHours(arguments.TimeRange is null ? 0 : 24)),
                QueryParameterType.StringList => arguments.List(parameter.Name, ["a\"b", "x' | union SecurityAlert //"]),
                QueryParameterType.Long => arguments.Long(parameter.Name, 100),
                QueryParameterType.TimeSpan => arguments.Span(parameter.Name, TimeSpan.FromHours(1)),
                _ => throw new InvalidOperationException(),
            };
        }

        return arguments.ToParameters(query).Apply(query.Body);
    }

    private static async Task<KqlAnalysis> AnalyzeAsync(EnrichmentQuery query) =>
        (await AnalyzerHost.Analyzer.AnalyzeAsync([new KqlRequest(query.Name, Bound(query))], PackSchemaSet.Schemas))[0];

    [TestCaseSource(nameof(Queries))]
    public async Task Query_has_no_analyzer_errors_against_the_pack_parsers(EnrichmentQuery query)
    {
        var analysis = await AnalyzeAsync(query);

        Assert.That(analysis.Failure, Is.Null);
        Assert.That(analysis.Diagnostics.Where(d => d.Severity == KqlSeverity.Error).Select(d => $"{d.Code} {d.Message}"), Is.Empty);
        Assert.That(analysis.IsTabular, Is.True);
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Query_reads_tables_only_through_the_pack_parsers(EnrichmentQuery query)
    {
        var analysis = await AnalyzeAsync(query);

        var called = analysis.Functions.Where(f => f.Via is null).Select(f => f.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(called, Is.Not.Empty, "the query calls a parser");
            Assert.That(called, Is.SubsetOf(PackSchemaSet.ParserNames));
            Assert.That(analysis.Tables.Where(t => t.Via is null).Select(t => t.Name), Is.Empty, "no table is read directly");
        });
    }

    [TestCaseSource(nameof(Queries))]
    public void Query_uses_every_declared_parameter_and_is_time_bounded(EnrichmentQuery query)
    {
        Assert.Multiple(() =>
        {
            foreach (var parameter in query.Parameters)
            {
                Assert.That(query.Body, Does.Match($@"\b{parameter.Name}\b"), $"{query.Name} declares {parameter.Name} but does not use it");
            }

            Assert.That(query.Parameters.Select(p => p.Name), Does.Contain("windowStart").And.Contain("windowEnd"));
            Assert.That(query.Body, Does.Match(@"\(\s*(windowStart|baselineStart)\s*,\s*windowEnd"), "every parser call is bounded by the window");
            Assert.That(query.Body, Does.Not.Contain("strcat(\"").And.Not.Contain("\" +"), "values are never concatenated into the text");
        });
    }

    [Test]
    public void Binding_a_value_the_query_does_not_declare_or_missing_one_is_refused()
    {
        var query = EnrichmentQueries.ToolCalls;
        Assert.Throws<InvalidOperationException>(() => new QueryArguments().Time("windowStart", Start).ToParameters(query));
        var full = new QueryArguments()
            .Time("windowStart", Start).Time("windowEnd", Start.AddHours(1))
            .List("sessionIds", ["s"]).List("conversationIds", []).Long("maxChars", 10).Long("maxRows", 10);
        Assert.DoesNotThrow(() => full.ToParameters(query));
        Assert.Throws<InvalidOperationException>(() => full.List("extra", []).ToParameters(query));
    }
}
