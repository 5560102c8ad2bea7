using System.Text.Json;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Incidents;

namespace SentinelAiPack.Enrichment.Tests.Incidents;

public class IncidentSubjectReaderTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static SentinelIncident Incident(string properties = """{"firstActivityTimeUtc":"2025-06-30T10:00:00Z","lastActivityTimeUtc":"2025-06-30T11:00:00Z"}""") =>
        new("i1", "\"e\"", "t", null, "Medium", "New", 1, ["Existing"], Json(properties));

    private static SentinelAlert Alert(string additionalData) =>
        new("a1", "Prompt injection", "High", "Azure Sentinel", "rule", null, null, Json($$"""{"additionalData": {{additionalData}}, "startTimeUtc": "2025-06-30T09:30:00Z"}"""));

    [Test]
    public void Custom_details_as_a_JSON_string_of_arrays_are_read()
    {
        var alert = Alert("""{"Custom Details": "{\"SessionId\":[\"s1\",\"s2\"],\"ConversationId\":[\"c1\"],\"Deployment\":[\"gpt-4o-prod\"],\"ContentSha256\":[\"AB\"]}"}""");

        var subject = IncidentSubjectReader.Read(Incident(), [alert], []);

        Assert.Multiple(() =>
        {
            Assert.That(subject.SessionIds, Is.EqualTo(new[] { "s1", "s2" }));
            Assert.That(subject.ConversationIds, Is.EqualTo(new[] { "c1" }));
            Assert.That(subject.Deployments, Is.EqualTo(new[] { "gpt-4o-prod" }));
            Assert.That(subject.ContentHashes, Is.EqualTo(new[] { "ab" }));
            Assert.That(subject.FirstActivity, Is.EqualTo(new DateTimeOffset(2025, 6, 30, 9, 30, 0, TimeSpan.Zero)), "the alert's start is earlier than the incident's");
            Assert.That(subject.LastActivity, Is.EqualTo(new DateTimeOffset(2025, 6, 30, 11, 0, 0, TimeSpan.Zero)));
            Assert.That(subject.Labels, Is.EqualTo(new[] { "Existing" }));
        });
    }

    [Test]
    public void Custom_details_as_an_object_of_scalars_are_read()
    {
        var subject = IncidentSubjectReader.Read(Incident(), [Alert("""{"Custom Details": {"sessionid": "s9", "Endpoint": "fraud-scoring"}}""")], []);

        Assert.That(subject.SessionIds, Is.EqualTo(new[] { "s9" }));
        Assert.That(subject.Endpoints, Is.EqualTo(new[] { "fraud-scoring" }));
    }

    [Test]
    public void Entities_give_users_IPs_and_deployments()
    {
        SentinelEntity[] entities =
        [
            new("e1", "Account", "alice", Json("""{"accountName": "alice", "upnSuffix": "contoso.com"}""")),
            new("e2", "Account", "bob@contoso.com", Json("""{"accountName": "bob@contoso.com"}""")),
            new("e3", "Ip", "203.0.113.5", Json("""{"address": "203.0.113.5"}""")),
            new("e4", "AzureResource", "x", Json("""{"resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ml/onlineEndpoints/fraud-scoring/deployments/blue"}""")),
        ];

        var subject = IncidentSubjectReader.Read(Incident(), [], entities);

        Assert.Multiple(() =>
        {
            Assert.That(subject.Users, Is.EqualTo(new[] { "alice@contoso.com", "bob@contoso.com" }));
            Assert.That(subject.ClientIps, Is.EqualTo(new[] { "203.0.113.5" }));
            Assert.That(subject.Deployments, Is.EqualTo(new[] { "blue" }));
            Assert.That(subject.Endpoints, Is.EqualTo(new[] { "fraud-scoring" }));
        });
    }

    [Test]
    public void Malformed_oversized_and_too_many_values_are_dropped_not_fatal()
    {
        var many = string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"s{i}\""));
        var huge = new string('x', 10_000);
        var alerts = new[]
        {
            Alert("{\"Custom Details\": {\"SessionId\": [" + many + "], \"ConversationId\": \"" + huge + "\"}}"),
            Alert("""{"Custom Details": "{not json"}"""),
            Alert("""{"Custom Details": 42}"""),
            new SentinelAlert("a2", null, null, null, null, null, null, Json("""{"additionalData": "text"}""")),
        };

        var subject = IncidentSubjectReader.Read(Incident("""{"firstActivityTimeUtc": "yesterday"}"""), alerts, []);

        Assert.Multiple(() =>
        {
            Assert.That(subject.SessionIds, Has.Count.EqualTo(IncidentSubjectReader.MaxValuesPerKind));
            Assert.That(subject.ConversationIds, Is.Empty);
            Assert.That(subject.FirstActivity, Is.EqualTo(new DateTimeOffset(2025, 6, 30, 9, 30, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void Incident_ids_parse_from_the_trigger_ARM_id_only()
    {
        var reference = IncidentReference.Parse("/subscriptions/d0cfe6b2-9ac0-4464-9919-dccaee2e48c0/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/soc-ws/providers/Microsoft.SecurityInsights/Incidents/73e01a99-5cd7-4139-a149-9f2736ff2ab5");

        Assert.That(reference.IncidentId, Is.EqualTo("73e01a99-5cd7-4139-a149-9f2736ff2ab5"));
        Assert.That(reference.IsIn(new SentinelWorkspace("D0CFE6B2-9AC0-4464-9919-DCCAEE2E48C0", "SOC-RG", "soc-ws")), Is.True);
        Assert.Throws<EnrichmentRequestException>(() => IncidentReference.Parse(reference.ArmId + "/../../other"));
        Assert.Throws<EnrichmentRequestException>(() => IncidentReference.Parse(reference.ArmId.Replace("Incidents/", "Incidents/a b", StringComparison.Ordinal)));
    }
}
