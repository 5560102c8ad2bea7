using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Traffic;

/// <summary>Ordinary turns: questions on the app's topics, retrievals the user is entitled to, everyday tool calls, rare false positives.</summary>
internal static class BenignScripts
{
    private static readonly string[] Questions =
    [
        "What is the current {0} policy?", "Can you summarize the rules for {0}?", "How do I request {0}?",
        "Is there anything new about {0} this year?", "Who approves {0} for my team?", "What changed in {0} since last quarter?",
        "Thanks. And how does {0} work for part-time staff?", "Please give me the short version of the {0} guideline.",
    ];

    /// <summary>
    /// High-impact tools that run without a person approving each call by design: a self-service password reset to
    /// the user's own registered phone, and invoice payments below the finance agent's approval limit (a person
    /// approves larger ones). The tenant's SOC lists them in AIPackUnattendedTools.
    /// </summary>
    public static readonly string[] UnattendedTools = ["reset_password", "pay_invoice"];

    public static TurnScript Next(Conversation c, DateTime t, SeededRandom r)
    {
        var topic = r.Pick(c.App.Topics);
        var prompt = string.Format(CultureInfo.InvariantCulture, r.Pick(Questions), topic);
        var documents = c.App.Index is { } index && r.Chance(0.7) ? Entitled(c.User, index, 3 + r.Next(3), r) : [];
        return new TurnScript(prompt)
        {
            // Prompt Shields has a small false-positive rate on ordinary prompts.
            PromptFinding = r.Chance(0.003) ? new Finding("Jailbreak", "High", "Annotated", "PromptShields") : null,
            RetrievalQuery = topic,
            Retrieved = documents,
            Tools = Tools(c, t, topic, r),
            ModelStatus = r.Chance(0.004) ? 429 : 200,
        };
    }

    public static List<KbDocument> Entitled(Person user, KnowledgeIndex index, int count, SeededRandom r)
    {
        var picked = new List<KbDocument>(count);
        for (var tries = 0; picked.Count < count && tries < count * 8; tries++)
        {
            var document = r.Pick(index.Documents);
            if (!document.Planted && RetrievalEmitter.UserInAcl(user, document) && !picked.Contains(document))
            {
                picked.Add(document);
            }
        }

        return picked;
    }

    private static List<ToolStep> Tools(Conversation c, DateTime t, string topic, SeededRandom r)
    {
        var steps = new List<ToolStep>();
        foreach (var tool in c.App.Tools)
        {
            var step = tool.Name switch
            {
                "search_policies" when r.Chance(0.25) => Step(tool, new() { ["query"] = topic }, topic, $"Found 4 policy sections about {topic}."),
                "get_leave_balance" when r.Chance(0.08) => Step(tool, new() { ["employee"] = c.User.Upn }, c.User.Upn, $"{10 + r.Next(20)} days remaining."),
                "create_ticket" when r.Chance(0.08) => Step(tool, new() { ["title"] = "Question about " + topic, ["category"] = "HR" }, string.Empty, "Ticket HR-" + r.Between(10000, 99999) + " created."),
                "crm_lookup" when r.Chance(0.3) => Customer(tool, r),
                "send_email" when r.Chance(0.12) => Email(tool, c, topic, r),
                "fetch_url" when r.Chance(0.1) => Url(tool, r),
                "schedule_meeting" when r.Chance(0.05) => Meeting(tool, c, t, r),
                "read_file" when r.Chance(0.25) => File(tool, "/finance/reports/2025/" + r.Pick(["Q1-close.xlsx", "Q2-close.xlsx", "budget-2025.xlsx", "vendor-list.csv"]),
                    "Sheet 'Summary': revenue, cost of sales and operating expenses per entity."),
                "query_ledger" when r.Chance(0.2) => Step(tool, new() { ["query"] = "SELECT account, SUM(amount) FROM ledger WHERE period = '2025-06' GROUP BY account" }, "ledger", $"{20 + r.Next(80)} rows returned."),
                "export_report" when r.Chance(0.06) => File(tool, $"/finance/exports/{topic.Replace(' ', '-')}-{t:yyyyMMdd}.csv", "Report exported."),
                "pay_invoice" when r.Chance(0.04) => Payment(tool, c, r),
                "lookup_user" when r.Chance(0.3) => Step(tool, new() { ["user"] = c.User.Upn }, c.User.Upn, "Account enabled, MFA registered, last sign-in today."),
                "reset_password" when r.Chance(0.08) => Step(tool, new() { ["user"] = c.User.Upn }, c.User.Upn, "Temporary password sent to the registered phone."),
                "grant_group_membership" when r.Chance(0.02) => Group(tool, c, r),
                "run_diagnostics" when r.Chance(0.1) => Step(tool, new() { ["check"] = r.Pick(["vpn", "disk", "network", "teams"]) }, string.Empty, "All checks passed."),
                _ => null,
            };
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static ToolStep Step(ToolSpec tool, JsonObject args, string target, string output) => new(tool, args, target, output);

    private static ToolStep Customer(ToolSpec tool, SeededRandom r)
    {
        var customer = r.Pick(Counterparts.Customers);
        return Step(tool, new() { ["account"] = customer }, customer, $"{customer}: renewal due in {1 + r.Next(11)} months, ARR {50 + r.Next(400)}k EUR.");
    }

    private static ToolStep Email(ToolSpec tool, Conversation c, string topic, SeededRandom r)
    {
        var to = r.Chance(0.6) ? $"{r.Pick(TextBank.FirstNames)}.{r.Pick(TextBank.LastNames)}@{SimulatedTenant.Domain}" : $"purchasing@{r.Pick(TextBank.PartnerDomains)}";
        return Step(tool, new() { ["to"] = to, ["subject"] = "Follow-up: " + topic, ["body"] = "Hi, as discussed, please find the summary below." }, to, "Message queued.");
    }

    private static ToolStep Url(ToolSpec tool, SeededRandom r)
    {
        var url = r.Pick(Counterparts.PublicSites);
        return Step(tool, new() { ["url"] = url }, url, "Page text: product overview, pricing tiers and contact details.");
    }

    private static ToolStep Meeting(ToolSpec tool, Conversation c, DateTime t, SeededRandom r)
    {
        var attendee = $"{r.Pick(TextBank.FirstNames)}.{r.Pick(TextBank.LastNames)}@{SimulatedTenant.Domain}";
        var start = t.Date.AddDays(1 + r.Next(5)).AddHours(9 + r.Next(7)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return Step(tool, new() { ["attendees"] = new JsonArray(attendee), ["start"] = start, ["subject"] = "Account review" }, attendee, "Meeting scheduled.");
    }

    private static ToolStep File(ToolSpec tool, string path, string output) => Step(tool, new() { ["path"] = path }, path, output);

    private static ToolStep Payment(ToolSpec tool, Conversation c, SeededRandom r)
    {
        var (vendor, iban) = r.Pick(Counterparts.Vendors);
        var amount = Math.Round(200 + r.Skewed(0, 8800), 2);
        var args = new JsonObject { ["vendor"] = vendor, ["iban"] = iban, ["amount"] = amount, ["currency"] = "EUR", ["invoice"] = "INV-" + r.Between(100000, 999999) };
        return new ToolStep(tool, args, iban, $"Payment of {ToolEmitter.Money(amount)} EUR to {vendor} scheduled.")
        {
            Amount = amount,
            ApprovalStatus = amount > 5000 ? "UserApproved" : "AutoApproved",
            ApprovedBy = amount > 5000 ? c.User.Upn : null,
        };
    }

    private static ToolStep Group(ToolSpec tool, Conversation c, SeededRandom r)
    {
        var group = r.Pick(Counterparts.Groups);
        return new ToolStep(tool, new() { ["user"] = c.User.Upn, ["group"] = group, ["ticket"] = "IT-" + r.Between(10000, 99999) }, group, $"Added to {group}.")
        {
            ApprovalStatus = "UserApproved",
            ApprovedBy = "it-approvals@" + SimulatedTenant.Domain,
        };
    }
}
