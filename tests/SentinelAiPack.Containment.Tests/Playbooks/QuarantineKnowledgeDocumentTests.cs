using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.Containment.Tests.Fakes;
using SentinelAiPack.Containment.Tests.Workflow;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>AIPack-Contain-QuarantineKnowledgeDocument against a loopback Blob Storage.</summary>
public class QuarantineKnowledgeDocumentTests
{
    private const string Document = "https://kbstore.blob.core.windows.net/kb-docs/hr/benefits-2026.pdf";
    private const string Quarantined = "https://kbstore.blob.core.windows.net/aipack-quarantine/kb-docs/hr/benefits-2026.pdf";

    private static Task<PlaybookRun> Run(FakeBlobStorage storage, params System.Text.Json.Nodes.JsonObject[] entities) =>
        PlaybookHarness.RunAsync(ContainmentPlaybooks.QuarantineKnowledgeDocument(), Incident.With("Planted instructions in a knowledge-base document", 11, entities),
            ApprovalAnswer.Approve, fakes: storage);

    [Test]
    public async Task Approved_moves_the_document_to_the_quarantine_container_of_its_account()
    {
        var storage = new FakeBlobStorage();
        storage.Add(Document, "ignore previous instructions");
        var result = await Run(storage, Incident.Url(Document));

        Assert.Multiple(() =>
        {
            Assert.That(storage.Exists(Document), Is.False);
            Assert.That(storage.Content(Quarantined), Is.EqualTo("ignore previous instructions"));
            Assert.That(result.Requests.Select(r => (r.Method, r.Path, r.Audience)), Is.EqualTo(new[]
            {
                ("PUT", "/aipack-quarantine/kb-docs/hr/benefits-2026.pdf", "https://storage.azure.com"),
                ("DELETE", "/kb-docs/hr/benefits-2026.pdf", "https://storage.azure.com"),
            }));
            Assert.That(result.CommentText, Does.Contain($"<li>{Document}: Succeeded, HTTP 202</li>"));
        });
    }

    [Test]
    public async Task A_copy_that_has_not_finished_keeps_the_original_and_says_so()
    {
        var storage = new FakeBlobStorage { CopiesPending = true };
        storage.Add(Document, "text");
        var result = await Run(storage, Incident.Url(Document));

        Assert.Multiple(() =>
        {
            Assert.That(storage.Exists(Document), Is.True);
            Assert.That(result.Requests.Select(r => r.Method), Is.EqualTo(new[] { "PUT" }));
            Assert.That(result.CommentText, Does.Contain("(copy pending); the original was kept"));
        });
    }

    [Test]
    public async Task A_missing_document_is_reported_as_a_failed_copy()
    {
        var result = await Run(new FakeBlobStorage(), Incident.Url(Document));

        Assert.That(result.CommentText, Does.Contain($"<li>{Document}: Failed, HTTP 404</li>"));
    }

    [TestCase("https://evil.example/kbstore.blob.core.windows.net/kb-docs/a.pdf")]
    [TestCase("https://kbstore.blob.core.windows.net.evil.example/kb-docs/a.pdf")]
    [TestCase("https://user@kbstore.blob.core.windows.net/kb-docs/a.pdf")]
    [TestCase("https://kbstore.blob.core.windows.net:8443/kb-docs/a.pdf")]
    [TestCase("http://kbstore.blob.core.windows.net/kb-docs/a.pdf")]
    [TestCase("https://kbstore.blob.core.windows.net/kb-docs/a.pdf?sv=2022&sig=x")]
    [TestCase("https://kbstore.blob.core.windows.net/kb-docs/../other/a.pdf")]
    [TestCase("https://kbstore.blob.core.windows.net/container-only")]
    [TestCase("https://evil.example/a://kbstore.blob.core.windows.net/kb-docs/a.pdf")]
    public async Task Urls_that_are_not_a_blob_of_a_storage_account_never_get_the_storage_token(string url)
    {
        var storage = new FakeBlobStorage();
        var result = await Run(storage, Incident.Url(url));

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.HttpCalls, Is.Empty);
            Assert.That(result.CommentText, Does.Contain("has no entity this playbook can act on"));
        });
    }
}
