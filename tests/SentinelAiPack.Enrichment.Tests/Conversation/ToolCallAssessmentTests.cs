using SentinelAiPack.Enrichment.Conversation;

namespace SentinelAiPack.Enrichment.Tests.Conversation;

public class ToolCallAssessmentTests
{
    private static readonly ToolCallAssessment Assessment = new(["contoso.com"], ["/finance/"]);

    private static ToolCallRecord Call(string name, string action, string target, string type, string arguments = "{}", string category = "other", double? amount = null) =>
        new(null, "s", 1, "c", name, category, "", action, arguments, target, type, "", amount, "Success", "NotRequired");

    private static IEnumerable<ToolCallConcern> Concerns(ToolCallRecord call, params string[] prompts) =>
        Assessment.Assess(call, prompts).Findings.Select(f => f.Concern);

    [TestCase("bob@contoso.com", false)]
    [TestCase("bob@eu.contoso.com", false)]
    [TestCase("bob@contoso.com.evil.example", true)]
    [TestCase("bob@notcontoso.com", true)]
    public void Recipients_outside_the_internal_domains_are_external(string recipient, bool external) =>
        Assert.That(Concerns(Call("send_email", "send", recipient, "email")).Contains(ToolCallConcern.ExternalRecipient), Is.EqualTo(external));

    [Test]
    public void An_external_address_hidden_in_the_arguments_counts_too() =>
        Assert.That(Concerns(Call("send_email", "send", "bob@contoso.com", "email", "{\"to\":\"bob@contoso.com\",\"bcc\":\"x@drop.example\"}")),
            Does.Contain(ToolCallConcern.ExternalRecipient));

    [TestCase("http://169.254.169.254/metadata/instance", true)]
    [TestCase("http://[fd00:ec2::254]/latest", true)]
    [TestCase("http://10.1.2.3/admin", true)]
    [TestCase("http://localhost:8080/", true)]
    [TestCase("http://metadata.google.internal/computeMetadata", true)]
    [TestCase("http://168.63.129.16/machine", true)]
    [TestCase("https://www.tailspintoys.com/pricing", false)]
    [TestCase("https://8.8.8.8/", false)]
    public void Private_and_metadata_addresses_are_flagged(string url, bool flagged) =>
        Assert.That(Concerns(Call("fetch_url", "read", url, "url")).Contains(ToolCallConcern.PrivateOrMetadataAddress), Is.EqualTo(flagged));

    [TestCase("/finance/reports/q3.xlsx", false)]
    [TestCase("/finance/../etc/passwd", true)]
    [TestCase("/etc/shadow", true)]
    [TestCase("C:\\Windows\\System32\\config\\SAM", true)]
    [TestCase("/home/alice/notes.txt", true)]
    public void Paths_out_of_scope_are_flagged(string path, bool flagged) =>
        Assert.That(Concerns(Call("read_file", "read", path, "path", category: "file")).Contains(ToolCallConcern.PathOutOfScope), Is.EqualTo(flagged));

    [Test]
    public void Destructive_payment_and_permission_actions_are_flagged()
    {
        Assert.That(Concerns(Call("delete_records", "delete", "ledger", "other")), Does.Contain(ToolCallConcern.DestructiveAction));
        Assert.That(Concerns(Call("pay_vendor", "payment", "NL00", "account", amount: 48750)), Does.Contain(ToolCallConcern.PaymentAction));
        Assert.That(Concerns(Call("add_to_group", "permission", "grp-global-admins", "principal")), Does.Contain(ToolCallConcern.PermissionChange));
        Assert.That(Concerns(Call("crm_lookup", "read", "*", "account")), Is.Empty);
    }

    [Test]
    public void Whether_the_user_typed_the_target_is_reported()
    {
        var call = Call("send_email", "send", "x@drop.example", "email");
        Assert.That(Assessment.Assess(call, ["send it to x@drop.example"]).TargetTypedByUser, Is.True);
        Assert.That(Assessment.Assess(call, ["summarise the page"]).TargetTypedByUser, Is.False);
        Assert.That(Assessment.Assess(Call("crm_lookup", "read", "*", "account"), []).TargetTypedByUser, Is.Null);
    }
}
