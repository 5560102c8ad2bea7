using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests;

public class CorpusLoadingTests
{
    private static IEnumerable<string> CorpusFiles() => Corpus.AllYamlRelativePaths();

    [TestCaseSource(nameof(CorpusFiles))]
    public void Every_corpus_file_loads_without_errors_or_unknown_keys(string relativePath)
    {
        var path = Path.Combine(Corpus.AzureSentinel, relativePath);
        var result = ContentLoader.LoadFile(path);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Item, Is.Not.Null);
        Assert.That(result.Item!.Query, Is.Not.Null, "every corpus item has KQL");
        Assert.That(result.Item.Query!.Text, Is.Not.Empty);
    }

    [Test]
    public void Folders_classify_rules_hunting_queries_and_parsers()
    {
        var set = ContentLoader.Load([Corpus.AzureSentinel]);

        Assert.That(set.Diagnostics, Is.Empty, string.Join(Environment.NewLine, set.Diagnostics));
        Assert.That(set.AnalyticRules.Count(), Is.EqualTo(30));
        Assert.That(set.HuntingQueries.Count(), Is.EqualTo(10));
        Assert.That(set.Parsers.Count(), Is.EqualTo(3));
        Assert.That(set.AnalyticRules.Count(rule => rule.RuleKind == AnalyticRuleKind.NRT), Is.EqualTo(5));
        Assert.That(set.AnalyticRules.All(rule => rule.RuleKind is not null), Is.True);
    }

    [Test]
    public void Rule_fields_are_read_with_their_positions()
    {
        var rule = (AnalyticRule)ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "analytic-rules", "SuspiciousCopilotActivity.yaml")).Item!;

        Assert.Multiple(() =>
        {
            Assert.That(rule.Id!.Value, Is.EqualTo("2b3c4d5e-6f7a-8b9c-0d1e-2f3a4b5c6d7e"));
            Assert.That(rule.Id.Span, Is.EqualTo(new SourceSpan(1, 5, 36)));
            Assert.That(rule.Severity!.Value, Is.EqualTo("Medium"));
            Assert.That(rule.QueryFrequencyValue, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(rule.QueryPeriodValue, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(rule.SuppressionDurationValue, Is.EqualTo(TimeSpan.FromHours(5)));
            Assert.That(rule.SuppressionEnabled!.Value, Is.False);
            Assert.That(rule.TriggerThreshold!.Value, Is.EqualTo(0));
            Assert.That(rule.Tactics!.Value.Select(t => t.Value), Is.EqualTo(new[] { "InitialAccess", "Persistence", "Collection" }));
            Assert.That(rule.RelevantTechniques!.Value[0].Value, Is.EqualTo("T1078.004"));
            Assert.That(rule.EntityMappings!.Value.Single().FieldMappings!.Value.Single().ColumnName!.Value, Is.EqualTo("UserId"));
            var grouping = rule.IncidentConfiguration!.GroupingConfiguration!;
            Assert.That(grouping.MatchingMethod!.Value, Is.EqualTo("Selected"));
            Assert.That(grouping.LookbackDuration!.Value, Is.EqualTo("5h"));
            Assert.That(grouping.GroupByEntities!.Value.Single().Value, Is.EqualTo("Account"));
            Assert.That(grouping.GroupByAlertDetails!.Value, Is.Empty);
            Assert.That(rule.AlertDetailsOverride!.AlertDisplayNameFormat!.Value, Is.EqualTo("Suspicious Copilot Activity - {{UserId}}"));
            Assert.That(rule.CustomDetails!.Value.Select(d => d.Key.Value), Has.Member("SuspicionScore"));
            Assert.That(rule.Version!.Value, Is.EqualTo("1.0.1"));
            Assert.That(rule.RuleKind, Is.EqualTo(AnalyticRuleKind.Scheduled));
        });
    }

    [Test]
    public void Hunting_query_without_id_and_with_two_part_version_loads()
    {
        var query = (HuntingQuery)ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "hunting-queries", "Machine_Learning_Creation.yaml")).Item!;

        Assert.That(query.Id, Is.Null);
        Assert.That(query.Version!.Value, Is.EqualTo("1.0"));
        Assert.That(query.Severity, Is.Null);
    }

    [Test]
    public void Tags_as_strings_and_as_maps_are_both_kept()
    {
        var withMaps = (AnalyticRule)ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "analytic-rules", "imAuthPasswordSpray.yaml")).Item!;
        var withStrings = (AnalyticRule)ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "analytic-rules", "UseraddedtoPrivilgedGroups.yaml")).Item!;

        Assert.That(withMaps.Tags!.Value.Any(tag => tag.Properties is not null && tag.Properties.ContainsKey("Schema")), Is.True);
        Assert.That(withStrings.Tags!.Value.Any(tag => tag.Text == "DEV-0537"), Is.True);
        Assert.That(withMaps.Metadata, Is.Not.Null);
        Assert.That(withMaps.RequiredDataConnectors!.Value, Is.Empty);
    }
}
