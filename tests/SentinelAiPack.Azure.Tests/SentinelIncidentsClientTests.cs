using System.Net;
using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.TestSupport.Http;
using SentinelAiPack.TestSupport.Sentinel;

namespace SentinelAiPack.Azure.Tests;

public class SentinelIncidentsClientTests
{
    private const string IncidentId = "73e01a99-5cd7-4139-a149-9f2736ff2ab5";
    private static readonly SentinelWorkspace Workspace = new("d0cfe6b2-9ac0-4464-9919-dccaee2e48c0", "myRg", "myWorkspace");

    private static FakeSentinelIncidents Seeded()
    {
        var fake = new FakeSentinelIncidents();
        fake.AddIncident(IncidentId, "Prompt injection against support bot", "Medium", description: "3 alerts");
        fake.AddAlert(IncidentId, "alert-1", new JsonObject
        {
            ["alertDisplayName"] = "Jailbreak attempt",
            ["severity"] = "High",
            ["productName"] = "Azure Sentinel",
            ["alertType"] = "AIPromptInjection",
            ["timeGenerated"] = "2030-01-01T10:00:00Z",
        });
        fake.AddEntity(IncidentId, "entity-1", "Account", new JsonObject { ["friendlyName"] = "alice", ["accountName"] = "alice" });
        fake.AddEntity(IncidentId, "entity-2", "Url", new JsonObject { ["friendlyName"] = "https://evil.example", ["url"] = "https://evil.example" });
        return fake;
    }

    [Test]
    public async Task Reads_the_incident_its_alerts_and_entities()
    {
        await using var bed = await AzureTestBed.StartAsync(Seeded());
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        var incident = await client.GetIncidentAsync(Workspace, IncidentId);
        var alerts = await client.ListAlertsAsync(Workspace, IncidentId);
        var entities = await client.ListEntitiesAsync(Workspace, IncidentId);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Title, Is.EqualTo("Prompt injection against support bot"));
            Assert.That(incident.Severity, Is.EqualTo("Medium"));
            Assert.That(incident.Etag, Is.Not.Null);
            Assert.That(alerts.Single().AlertDisplayName, Is.EqualTo("Jailbreak attempt"));
            Assert.That(alerts.Single().TimeGenerated, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(entities.Select(e => (e.Kind, e.FriendlyName)), Is.EqualTo(new[] { ("Account", (string?)"alice"), ("Url", "https://evil.example") }));
            Assert.That(bed.Server.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET", "POST", "POST" }));
            Assert.That(bed.Server.Requests.All(r => r.QueryString.Contains("api-version=2025-09-01", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task A_comment_written_twice_with_the_same_id_is_one_comment()
    {
        var fake = Seeded();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());
        const string commentId = "4bb36b7b-26ff-4d1c-9cbe-0d8ab3da0014";

        var first = await client.UpsertCommentAsync(Workspace, IncidentId, commentId, "<p>first</p>");
        var second = await client.UpsertCommentAsync(Workspace, IncidentId, commentId, "<p>second</p>");

        Assert.Multiple(() =>
        {
            Assert.That(first.Created, Is.True);
            Assert.That(second.Created, Is.False);
            Assert.That(fake.Comments(IncidentId), Is.EqualTo(new Dictionary<string, string> { [commentId] = "<p>second</p>" }));
        });
    }

    [Test]
    public async Task Duplicate_triggers_racing_with_retries_still_leave_one_comment()
    {
        var fake = Seeded();
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(3, Fault.Throttle(2), "/comments/").Next(2, Fault.ServerError(503), "/comments/");
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());
        const string commentId = "4bb36b7b-26ff-4d1c-9cbe-0d8ab3da0014";

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.UpsertCommentAsync(Workspace, IncidentId, commentId, "<p>verdict</p>")));

        Assert.That(fake.Comments(IncidentId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Comments_over_the_documented_limit_are_refused_before_sending()
    {
        await using var bed = await AzureTestBed.StartAsync(Seeded());
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        Assert.ThrowsAsync<ArgumentException>(() => client.UpsertCommentAsync(Workspace, IncidentId, "c1", new string('x', 30_001)));
        Assert.That(bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Update_adds_labels_and_sets_severity_keeping_existing_labels()
    {
        var fake = Seeded();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        await client.UpdateIncidentAsync(Workspace, IncidentId, new IncidentUpdate(["ai-prompt-injection"]));
        var updated = await client.UpdateIncidentAsync(Workspace, IncidentId, new IncidentUpdate(["AI-PROMPT-INJECTION", "atlas:AML.T0051"], IncidentSeverity.High));

        var stored = fake.Incident(IncidentId);
        Assert.Multiple(() =>
        {
            Assert.That(updated.Labels, Is.EqualTo(new[] { "ai-prompt-injection", "atlas:AML.T0051" }));
            Assert.That(updated.Severity, Is.EqualTo("High"));
            Assert.That(stored["severity"]!.GetValue<string>(), Is.EqualTo("High"));
            Assert.That(stored["title"]!.GetValue<string>(), Is.EqualTo("Prompt injection against support bot"));
            Assert.That(stored["description"]!.GetValue<string>(), Is.EqualTo("3 alerts"));
        });
    }

    [Test]
    public async Task An_update_with_nothing_new_writes_nothing()
    {
        await using var bed = await AzureTestBed.StartAsync(Seeded());
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        await client.UpdateIncidentAsync(Workspace, IncidentId, new IncidentUpdate([], IncidentSeverity.Medium));
        Assert.That(bed.Server.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET" }));
    }

    [Test]
    public async Task A_stale_etag_is_resolved_by_re_reading()
    {
        var fake = Seeded();
        fake.ConcurrentEditsBeforeNextWrites = 2;
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        var updated = await client.UpdateIncidentAsync(Workspace, IncidentId, new IncidentUpdate(["enriched"]));

        Assert.Multiple(() =>
        {
            Assert.That(fake.Conflicts, Is.EqualTo(2));
            Assert.That(updated.Labels, Is.EqualTo(new[] { "enriched" }));
        });
    }

    [Test]
    public async Task Endless_conflicts_surface_as_409()
    {
        var fake = Seeded();
        fake.ConcurrentEditsBeforeNextWrites = 100;
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureApiException>(() => client.UpdateIncidentAsync(Workspace, IncidentId, new IncidentUpdate(["x"])));
        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(error.Message, Does.Contain("Newer version of resource"));
        });
    }

    [Test]
    public async Task Unknown_incidents_and_truncated_answers_are_clear_errors()
    {
        await using var bed = await AzureTestBed.StartAsync(Seeded());
        using var client = new SentinelIncidentsClient(bed.Credential, bed.Options());

        var missing = Assert.ThrowsAsync<AzureApiException>(() => client.GetIncidentAsync(Workspace, "no-such-incident"));
        bed.Server.Faults.Next(1, Fault.TruncatedJson());
        Assert.ThrowsAsync<AzureResponseFormatException>(() => client.ListAlertsAsync(Workspace, IncidentId));
        Assert.That(missing!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("../../x")]
    [TestCase("a/b")]
    [TestCase("id?api-version=1")]
    public void Ids_cannot_change_the_path(string incidentId)
    {
        using var client = new SentinelIncidentsClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential());
        Assert.ThrowsAsync<ArgumentException>(() => client.GetIncidentAsync(Workspace, incidentId));
    }
}
