using System.Text;
using System.Text.Json;
using SentinelAiPack.Enrichment.Conversation;
using SentinelAiPack.Enrichment.Hosting;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.Tests.Hosting;

public class EnrichmentRequestHandlerTests
{
    private static readonly EnrichmentOutcome Outcome = new("i1", "ConversationContext", "c1", true, false, 1200, 2, ["AIPack:Escalate"], true, true,
        [new EvidenceGap("Tool calls", "HTTP 500 <details>")]);

    private static Stream Body(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static Task<EnrichmentHttpResult> Handle(string body, Func<string?, CancellationToken, Task<EnrichmentOutcome>> enrich) =>
        EnrichmentRequestHandler.HandleAsync(Body(body), enrich, CancellationToken.None);

    [Test]
    public async Task A_valid_request_answers_200_with_counts_and_names_only()
    {
        string? received = null;
        var result = await Handle("""{"incidentArmId": "/subscriptions/x/Incidents/1"}""", (id, _) => { received = id; return Task.FromResult(Outcome); });

        using var json = JsonDocument.Parse(result.Json);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(received, Is.EqualTo("/subscriptions/x/Incidents/1"));
            Assert.That(json.RootElement.GetProperty("escalate").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("unavailableSections")[0].GetString(), Is.EqualTo("Tool calls"));
            Assert.That(result.Json, Does.Not.Contain("<details>"), "gap reasons stay in the comment, not in the HTTP answer");
        });
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{"incidentArmId": 42}""")]
    [TestCase("""{"other": "x"}""")]
    public async Task Unusable_bodies_answer_400_without_calling_the_enricher(string body)
    {
        var called = false;
        var result = await Handle(body, (_, _) => { called = true; return Task.FromResult(Outcome); });

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(called, Is.False);
    }

    [Test]
    public async Task An_oversized_body_is_refused()
    {
        var result = await Handle("{\"incidentArmId\": \"" + new string('a', 100_000) + "\"}", (_, _) => Task.FromResult(Outcome));
        Assert.That(result.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Failures_map_to_retryable_and_non_retryable_statuses()
    {
        var failed = await Handle("""{"incidentArmId": "x"}""", (_, _) => throw new EnrichmentFailedException("Sentinel unavailable"));
        var refused = await Handle("""{"incidentArmId": "x"}""", (_, _) => throw new EnrichmentRequestException("other workspace"));
        var misconfigured = await Handle("""{"incidentArmId": "x"}""", (_, _) => throw new EnrichmentConfigurationException("AIPACK_X is not set."));

        Assert.That((failed.Status, refused.Status, misconfigured.Status), Is.EqualTo((503, 400, 500)));
        Assert.That(misconfigured.Json, Does.Contain("AIPACK_X"));
    }
}
