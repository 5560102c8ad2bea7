using System.Text.Json.Nodes;
using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Fakes;
using SentinelAiPack.Containment.Tests.Workflow;
using SentinelAiPack.TestSupport.Sentinel;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>AIPack-Contain-PreserveIncidentEvidence against loopback Sentinel incidents and Blob Storage.</summary>
public class PreserveIncidentEvidenceTests
{
    private const string Account = "aipackevidtest";
    private static readonly string IncidentName = Incident.ArmId.Split('/')[^1];
    private static readonly Dictionary<string, JsonNode?> Values = new() { ["EvidenceStorageAccount"] = Account };

    private static (FakeSentinelIncidents Sentinel, JsonObject Trigger) Setup()
    {
        var sentinel = new FakeSentinelIncidents();
        var properties = sentinel.AddIncident(IncidentName, "Prompt injection followed by a tool call");
        sentinel.AddAlert(IncidentName, "alert-1", new JsonObject { ["alertDisplayName"] = "Injection then tool call", ["customDetails"] = new JsonObject { ["Family"] = "[\"instruction-override\"]" } });
        sentinel.AddEntity(IncidentName, "acct-1", "Account", new JsonObject { ["accountName"] = "alice", ["aadUserId"] = "4f1d0c52-8a1e-4b57-9d6e-1f2a3b4c5d6e" });
        return (sentinel, Incident.With("Prompt injection followed by a tool call", properties["incidentNumber"]!.GetValue<int>()));
    }

    [Test]
    public async Task Approved_writes_the_incident_alerts_entities_and_approver_to_the_evidence_container()
    {
        var (sentinel, trigger) = Setup();
        var storage = new FakeBlobStorage();
        storage.MakeImmutable(Account, "evidence");
        var result = await PlaybookHarness.RunAsync(ContainmentPlaybooks.PreserveIncidentEvidence(), trigger, ApprovalAnswer.Approve, Values, sentinel, storage);

        var blob = storage.Blobs().Single();
        var snapshot = JsonNode.Parse(storage.Content($"https://{Account}.blob.core.windows.net{blob[Account.Length..]}")!)!;
        Assert.Multiple(() =>
        {
            Assert.That(blob, Is.EqualTo($"{Account}/evidence/incident-1000/20260301T120000Z.json"));
            Assert.That(snapshot["incident"]!["id"]!.GetValue<string>(), Is.EqualTo(Incident.ArmId));
            Assert.That(snapshot["alerts"]!["value"]![0]!["properties"]!["alertDisplayName"]!.GetValue<string>(), Is.EqualTo("Injection then tool call"));
            Assert.That(snapshot["entities"]!["entities"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("Account"));
            Assert.That(snapshot["comments"]!["value"], Is.Not.Null);
            Assert.That(snapshot["approvedBy"]!.GetValue<string>(), Is.EqualTo(PlaybookHarness.Approver));
            Assert.That(result.Requests.Select(r => (r.Method, r.Path.Split('/')[^1], r.Audience)), Is.EqualTo(new[]
            {
                ("POST", "alerts", "https://management.azure.com"),
                ("POST", "entities", "https://management.azure.com"),
                ("GET", "comments", "https://management.azure.com"),
                ("PUT", "20260301T120000Z.json", "https://storage.azure.com"),
            }));
            Assert.That(result.CommentText, Does.Contain("<li>1000: Succeeded, HTTP 201</li>"));
        });
    }

    [Test]
    public async Task Evidence_already_written_cannot_be_overwritten_and_the_refusal_is_reported()
    {
        var (sentinel, trigger) = Setup();
        var storage = new FakeBlobStorage();
        storage.MakeImmutable(Account, "evidence");
        await PlaybookHarness.RunAsync(ContainmentPlaybooks.PreserveIncidentEvidence(), trigger, ApprovalAnswer.Approve, Values, sentinel, storage);
        var again = await PlaybookHarness.RunAsync(ContainmentPlaybooks.PreserveIncidentEvidence(), trigger, ApprovalAnswer.Approve, Values, sentinel, storage);

        Assert.That(again.CommentText, Does.Contain("<li>1000: Failed, HTTP 409</li>"));
    }

    [Test]
    public async Task An_incident_that_cannot_be_read_writes_no_snapshot_and_says_so()
    {
        var storage = new FakeBlobStorage();
        var result = await PlaybookHarness.RunAsync(ContainmentPlaybooks.PreserveIncidentEvidence(), Incident.With("t", 5), ApprovalAnswer.Approve, Values,
            new FakeSentinelIncidents(), storage);

        Assert.Multiple(() =>
        {
            Assert.That(storage.Blobs(), Is.Empty);
            Assert.That(result.CommentText, Does.Contain("the incident could not be read"));
        });
    }

    [Test]
    public void The_template_deploys_an_account_without_shared_keys_and_a_container_with_time_based_retention()
    {
        var template = ContainmentPlaybookTemplate.Build(ContainmentPlaybooks.PreserveIncidentEvidence());
        var resources = template["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var account = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Storage/storageAccounts");
        var policy = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Multiple(() =>
        {
            Assert.That(account["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>(), Is.False);
            Assert.That(account["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>(), Is.False);
            Assert.That(policy["properties"]!["immutabilityPeriodSinceCreationInDays"]!.GetValue<string>(), Is.EqualTo("[parameters('RetentionDays')]"));
            Assert.That(resources.Any(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments"), Is.True);
        });
    }
}
