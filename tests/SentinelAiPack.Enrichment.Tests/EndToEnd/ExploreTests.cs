using SentinelAiPack.Enrichment.Tests.Support;

namespace SentinelAiPack.Enrichment.Tests.EndToEnd;

[Explicit]
public class ExploreTests
{
    [Test]
    public async Task Print_every_scenario_comment()
    {
        await using var fixture = await ScenarioFixture.StartAsync();
        foreach (var scenario in ScenarioFixture.Scenarios)
        {
            var id = fixture.IncidentFor(scenario);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = scenario.StartsWith("model", StringComparison.Ordinal) || scenario.StartsWith("deployment", StringComparison.Ordinal) || scenario.StartsWith("output", StringComparison.Ordinal)
                ? await fixture.Bed.IntegrityEnricher.EnrichAsync(EnrichmentBed.ArmId(id))
                : await fixture.Bed.ConversationEnricher.EnrichAsync(EnrichmentBed.ArmId(id));
            TestContext.Out.WriteLine($"==== {scenario} ({watch.ElapsedMilliseconds} ms) tags {string.Join(",", outcome.Tags)} gaps {string.Join(" | ", outcome.Gaps)}");
            var html = fixture.Bed.Incidents.Comments(id).Single().Value;
            TestContext.Out.WriteLine(CommentText.Visible(html));
        }
    }
}
