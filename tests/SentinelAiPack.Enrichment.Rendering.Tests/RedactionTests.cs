using SentinelAiPack.Enrichment.Rendering.Redaction;

namespace SentinelAiPack.Enrichment.Rendering.Tests;

public class RedactionTests
{
    private static string Render(string text, CommentRenderingOptions? options = null) =>
        ActiveMarkup.VisibleText(new IncidentCommentBuilder(options).Paragraph(text).Build().Html);

    [TestCase("token eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.c2ln end", "jwt")]
    [TestCase("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789", "bearer-token")]
    [TestCase("key AKIAABCDEFGHIJKLMNOP here", "aws-access-key-id")]
    [TestCase("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYAB", "aws-secret-access-key")]
    [TestCase("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "github-token")]
    [TestCase("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github-token")]
    [TestCase("sk-proj-abcdefghijklmnopqrstuvwxyz012345", "openai-style-key")]
    [TestCase("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bXlzZWNyZXRrZXltYXRlcmlhbA==;EndpointSuffix=core.windows.net", "connection-string-secret")]
    [TestCase("Server=db;User Id=sa;Password=Sup3rS3cret!;", "connection-string-secret")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAabc\ndef==\n-----END RSA PRIVATE KEY----- after", "private-key")]
    [TestCase("abc8Q~abcdefghijklmnopqrstuvwxyz0123456", "azure-client-secret")]
    [TestCase("xoxb-1234567890-abcdefghij", "slack-token")]
    public void Secrets_are_redacted(string input, string name)
    {
        var text = Render(input);
        Assert.That(text, Does.Contain($"[REDACTED:{name}]"));
    }

    [Test]
    public void A_private_key_block_leaves_no_key_material_but_keeps_following_text()
    {
        var text = Render("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nthe rest");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("MIIEvQ"));
            Assert.That(text, Does.Contain("the rest"));
        });
    }

    [TestCase("mail alice@example.com now", "email")]
    [TestCase("call +44 20 7946 0958 today", "phone")]
    [TestCase("call (555) 123-4567 today", "phone")]
    [TestCase("card 4111 1111 1111 1111 ok", "credit-card")]
    [TestCase("iban GB82 WEST 1234 5698 7654 32 ok", "iban")]
    [TestCase("ssn 123-45-6789", "us-ssn")]
    public void Default_pii_is_redacted(string input, string name)
    {
        Assert.That(Render(input), Does.Contain($"[REDACTED:{name}]"));
    }

    [Test]
    public void Digit_runs_failing_the_checksums_are_left_alone()
    {
        var text = Render("order 4111 1111 1111 1112 and GB00 WEST 1234 5698 7654 32");
        Assert.That(text, Does.Not.Contain("REDACTED"));
    }

    [Test]
    public void Pii_list_is_configurable()
    {
        var options = new CommentRenderingOptions { PiiPatterns = [new RedactionPattern("employee-id", "EMP-[0-9]{6}")] };
        var text = Render("EMP-123456 wrote to alice@example.com", options);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("[REDACTED:employee-id]"));
            Assert.That(text, Does.Not.Contain("REDACTED:email"));
        });
    }

    [Test]
    public void Redaction_counts_are_reported_without_the_values()
    {
        var comment = new IncidentCommentBuilder().Paragraph("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB and bob@example.com").Build();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Redactions, Is.EqualTo(2));
            Assert.That(comment.ToString(), Does.Not.Contain("ghp_0123"));
        });
    }

    [Test]
    public void Luhn_and_iban_checks()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Checksums.IsLuhnValid("4111111111111111"), Is.True);
            Assert.That(Checksums.IsLuhnValid("4111111111111112"), Is.False);
            Assert.That(Checksums.IsIbanValid("DE89 3704 0044 0532 0130 00"), Is.True);
            Assert.That(Checksums.IsIbanValid("DE89 3704 0044 0532 0130 01"), Is.False);
        });
    }
}
