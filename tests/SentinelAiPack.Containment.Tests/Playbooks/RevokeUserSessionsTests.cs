using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Fakes;
using SentinelAiPack.Containment.Tests.Workflow;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>AIPack-Contain-RevokeUserSessions against a loopback Microsoft Graph, and the approval gate every playbook shares.</summary>
public class RevokeUserSessionsTests
{
    private const string Alice = "4f1d0c52-8a1e-4b57-9d6e-1f2a3b4c5d6e";
    private const string Bob = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static readonly ContainmentPlaybook Playbook = ContainmentPlaybooks.RevokeUserSessions();

    private static Task<PlaybookRun> Run(ApprovalAnswer answer, FakeGraphUsers graph, string title = "Prompt injection attempts by a user", params System.Text.Json.Nodes.JsonObject[] entities) =>
        PlaybookHarness.RunAsync(Playbook, Incident.With(title, 42, entities), answer, fakes: graph);

    [Test]
    public async Task Approved_revokes_the_sessions_of_every_account_with_an_Entra_object_id()
    {
        var graph = new FakeGraphUsers(Alice, Bob);
        var result = await Run(ApprovalAnswer.Approve, graph, entities: [Incident.Account(Alice), Incident.Account(Bob, "bob"), Incident.Account(null, "carol"), Incident.Ip("203.0.113.9")]);

        Assert.Multiple(() =>
        {
            Assert.That(graph.Revoked, Is.EqualTo(new[] { Alice, Bob }));
            Assert.That(result.Requests.Select(r => (r.Method, r.Path, r.Audience)), Is.EqualTo(new[]
            {
                ("POST", $"/v1.0/users/{Alice}/revokeSignInSessions", "https://graph.microsoft.com"),
                ("POST", $"/v1.0/users/{Bob}/revokeSignInSessions", "https://graph.microsoft.com"),
            }));
            Assert.That(result.Run.ApprovalRequests, Has.Count.EqualTo(1));
            Assert.That(result.Run.ApprovalRequests[0]["To"]!.GetValue<string>(), Is.EqualTo(PlaybookHarness.Approver));
            Assert.That(result.Run.ApprovalRequests[0]["Body"]!.GetValue<string>(), Does.Contain($"{Alice}, {Bob}").And.Contain("incident 42"));
            Assert.That(result.Run.Comments.Select(c => c.IncidentArmId), Is.EqualTo(new[] { Incident.ArmId }));
            Assert.That(result.CommentText, Does.Contain($"<li>{Alice}: Succeeded, HTTP 200</li>").And.Contain($"<li>{Bob}: Succeeded, HTTP 200</li>")
                .And.Contain($"approved by {PlaybookHarness.Approver}"));
            Assert.That(result.Run.Status, Is.EqualTo(ActionResult.Succeeded));
        });
    }

    [Test]
    public async Task Rejected_changes_nothing_and_says_so_on_the_incident()
    {
        var graph = new FakeGraphUsers(Alice);
        var result = await Run(ApprovalAnswer.Reject, graph, entities: Incident.Account(Alice));

        Assert.Multiple(() =>
        {
            Assert.That(result.Requests, Is.Empty);
            Assert.That(result.Run.StatusOf("For_each_target"), Is.EqualTo("NotRun"), "the loop is in the approved branch only");
            Assert.That(result.CommentText, Does.Contain($"was rejected by {PlaybookHarness.Approver}; nothing was changed"));
        });
    }

    [Test]
    public async Task No_decision_before_the_timeout_changes_nothing_and_says_so()
    {
        var graph = new FakeGraphUsers(Alice);
        var result = await Run(ApprovalAnswer.NoAnswer, graph, entities: Incident.Account(Alice));

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.StatusOf("Send_approval_email"), Is.EqualTo(ActionResult.TimedOut));
            Assert.That(result.Requests, Is.Empty);
            Assert.That(result.Run.Comments, Has.Count.EqualTo(1));
            Assert.That(result.CommentText, Does.Contain("got no decision within 24h; nothing was changed"));
        });
    }

    [Test]
    public async Task An_incident_without_a_target_sends_no_approval_and_says_so()
    {
        var graph = new FakeGraphUsers(Alice);
        var result = await Run(ApprovalAnswer.Approve, graph, entities: [Incident.Ip("203.0.113.9"), Incident.Account(null)]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.ApprovalRequests, Is.Empty);
            Assert.That(result.Requests, Is.Empty);
            Assert.That(result.CommentText, Does.Contain("has no entity this playbook can act on"));
        });
    }

    [Test]
    public async Task A_failed_revocation_is_reported_and_the_other_users_are_still_contained()
    {
        var graph = new FakeGraphUsers(Bob);
        var result = await Run(ApprovalAnswer.Approve, graph, entities: [Incident.Account(Alice), Incident.Account(Bob, "bob")]);

        Assert.Multiple(() =>
        {
            Assert.That(graph.Revoked, Is.EqualTo(new[] { Bob }));
            Assert.That(result.CommentText, Does.Contain($"<li>{Alice}: Failed, HTTP 404</li>").And.Contain($"<li>{Bob}: Succeeded, HTTP 200</li>"));
        });
    }

    [TestCase("../../me/revokeSignInSessions?x=")]
    [TestCase("4f1d0c52-8a1e-4b57-9d6e-1f2a3b4c/d6e")]
    [TestCase("<img src=x onerror=alert(1)>-aaaa-bbbb-cccc-dddddd")]
    [TestCase("not-a-guid")]
    public async Task An_object_id_that_is_not_a_GUID_is_never_sent_to_Graph(string hostile)
    {
        var graph = new FakeGraphUsers(Alice);
        var result = await Run(ApprovalAnswer.Approve, graph, entities: Incident.Account(hostile));

        Assert.Multiple(() =>
        {
            Assert.That(result.Requests, Is.Empty);
            Assert.That(result.Run.ApprovalRequests, Is.Empty);
        });
    }

    [Test]
    public async Task The_incident_title_is_escaped_in_the_approval_email()
    {
        var graph = new FakeGraphUsers(Alice);
        var result = await Run(ApprovalAnswer.Approve, graph, "<img src=x onerror=alert(1)> & more", Incident.Account(Alice));

        var body = result.Run.ApprovalRequests.Single()["Body"]!.GetValue<string>();
        Assert.That(body, Does.Contain("&lt;img src=x onerror=alert(1)&gt; &amp; more").And.Not.Contain("<img"));
    }
}
