using System.Text.RegularExpressions;
using SentinelAiPack.Telemetry.SampleData;
using SentinelAiPack.Telemetry.SampleData.Scenarios;

namespace SentinelAiPack.Telemetry.Tests.SampleData;

/// <summary>Every scenario leaves the evidence its description promises, in the tables the rules read.</summary>
public partial class ScenarioTests
{
    private GeneratedData _data = null!;
    private string _allText = string.Empty;

    [OneTimeSetUp]
    public void Generate()
    {
        _data = new GeneratedData(new GeneratorOptions { Users = 200, Days = 2, Seed = 5, Scenarios = [ScenarioCatalog.All] });
        _allText = string.Concat(Directory.EnumerateFiles(_data.Folder, "*.jsonl").Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    [OneTimeTearDown]
    public void Delete() => _data.Dispose();

    public static IEnumerable<string> ScenarioNames() => ScenarioCatalog.Scenarios.Select(s => s.Name);

    [Test]
    public void Catalog_names_are_unique_kebab_case_with_one_line_descriptions()
    {
        var scenarios = ScenarioCatalog.Scenarios;

        Assert.That(scenarios, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(scenarios.Select(s => s.Name), Is.Unique.And.All.Matches(KebabCase()));
        Assert.That(scenarios.Select(s => s.Description), Is.All.EndsWith(".").And.All.Not.Contain("\n"));
        Assert.That(ScenarioCatalog.Resolve(["all"]).Scenarios, Has.Count.EqualTo(scenarios.Count));
        Assert.That(ScenarioCatalog.Resolve(["Payment-Tool-Action", "nope"]).Unknown, Is.EqualTo(new[] { "nope" }));
    }

    [TestCaseSource(nameof(ScenarioNames))]
    public void Scenario_markers_appear_in_the_generated_tables(string name)
    {
        var scenario = _data.Scenario(name);

        Assert.That(scenario.Markers, Is.Not.Empty);
        // Counts, times and the subnet to pass to AITrainingActivity are configuration, not values in the data.
        foreach (var (key, value) in scenario.Markers.Where(m => !m.Value.All(char.IsAsciiDigit) && m.Key is not ("changeTime" or "trainingSubnet")))
        {
            foreach (var part in value.Split(','))
            {
                var escaped = System.Text.Json.JsonSerializer.Serialize(part)[1..^1];
                Assert.That(_allText.Contains(escaped, StringComparison.Ordinal), Is.True, $"{name}: marker {key}={part} not found in the tables");
            }
        }
    }

    [Test]
    public void Direct_injection_is_flagged_annotated_and_leaks_the_system_prompt()
    {
        var conversation = _data.Scenario("direct-prompt-injection").Markers["conversationId"];

        Assert.That(_data.Rows("AIContentSafety_CL").Any(r => r.S("ConversationId") == conversation && r.S("Category") == "Jailbreak" && r.B("Detected") && r.S("Action") == "Annotated"), Is.True);
        Assert.That(_data.Rows("AIConversationTurn_CL").Any(r => r.S("ConversationId") == conversation && r.S("Role") == "assistant" && r.S("Content").Contains("You are the Contoso HR assistant", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Repeated_attempts_are_mostly_blocked_some_at_the_gateway()
    {
        var user = _data.Scenario("jailbreak-repeated-attempts").Markers["user"];

        var blocked = _data.Rows("AIConversationTurn_CL").Count(r => r.S("UserPrincipalName") == user && r.S("Role") == "user" && r.S("DeliveryStatus") == "Blocked");
        Assert.That(blocked, Is.GreaterThanOrEqualTo(9));
        Assert.That(_data.Rows("ApiManagementGatewayLogs").Any(r => r.D("ResponseCode") == 403 && r.S("LastErrorSource") == "llm-content-safety"), Is.True);
    }

    [Test]
    public void Campaign_payload_comes_from_eight_users()
    {
        var sha = _data.Scenario("injection-campaign-across-users").Markers["contentSha256"];

        Assert.That(_data.Rows("AIConversationTurn_CL").Where(r => r.S("ContentSha256") == sha).Select(r => r.S("UserPrincipalName")).Distinct().Count(), Is.EqualTo(8));
    }

    [Test]
    public void Poisoned_document_is_written_by_an_outsider_flagged_and_then_retrieved()
    {
        var markers = _data.Scenario("knowledge-base-poisoning").Markers;

        var write = _data.Rows("AIKnowledgeBaseWrite_CL").Single(r => r.S("DocumentId") == markers["documentId"]);
        Assert.That(write.B("AttackDetected"), Is.True);
        Assert.That(write.S("ActorPrincipalName"), Is.EqualTo(markers["user"]));
        Assert.That(_data.Rows("StorageBlobLogs").Any(r => r.S("RequesterUpn") == markers["user"] && r.S("ObjectKey").Contains(markers["documentId"], StringComparison.Ordinal)), Is.True);
        var readers = _data.Rows("AIRetrieval_CL").Where(r => r.S("DocumentId") == markers["documentId"]).Select(r => r.S("UserPrincipalName")).Distinct();
        Assert.That(readers, Is.EquivalentTo(markers["readers"].Split(',')));
    }

    [Test]
    public void Indirect_injection_document_is_retrieved_with_an_attack_verdict()
    {
        var document = _data.Scenario("indirect-injection-retrieved-document").Markers["documentId"];

        Assert.That(_data.Rows("AIRetrieval_CL").Any(r => r.S("DocumentId") == document && r.S("ContentSafetyVerdict") == "IndirectAttack"), Is.True);
        Assert.That(_data.Rows("AIContentSafety_CL").Any(r => r.S("DocumentId") == document && r.S("TextSource") == "Document" && r.S("Category") == "IndirectAttack"), Is.True);
    }

    [Test]
    public void External_recipient_domain_is_new_to_the_tenant()
    {
        var recipient = _data.Scenario("external-email-recipient").Markers["recipient"];
        var calls = _data.Rows("AIToolCall_CL").Where(r => r.S("TargetDomain") == "quick-inbox.example").ToList();

        Assert.That(calls.Select(r => r.S("PrimaryTarget")), Is.EqualTo(new[] { recipient }));
        Assert.That(calls.Single().S("ActionKind"), Is.EqualTo("send"));
    }

    [Test]
    public void Ssrf_and_traversal_targets_reach_the_tool_calls_table()
    {
        var targets = _data.Rows("AIToolCall_CL").Select(r => r.S("PrimaryTarget")).ToList();

        Assert.That(targets.Any(t => t.StartsWith("http://169.254.169.254/", StringComparison.Ordinal)), Is.True);
        Assert.That(targets.Any(t => t.Contains("../", StringComparison.Ordinal) && t.EndsWith("/etc/passwd", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Payment_is_auto_approved_above_the_limit_to_a_new_iban()
    {
        var iban = _data.Scenario("payment-tool-action").Markers["iban"];
        var payments = _data.Rows("AIToolCall_CL").Where(r => r.S("ActionKind") == "payment").ToList();

        var attack = payments.Single(r => r.S("PrimaryTarget") == iban);
        Assert.That(attack.D("Amount"), Is.GreaterThan(10000));
        Assert.That(attack.S("ApprovalStatus"), Is.EqualTo("AutoApproved"));
        Assert.That(payments.Where(r => r.S("PrimaryTarget") != iban).Select(r => r.D("Amount")), Is.All.LessThan(10000));
    }

    [Test]
    public void Hash_mismatch_shows_in_inventory_only_after_the_swap()
    {
        var at = _data.Scenario("model-hash-mismatch").At;
        var snapshots = _data.Rows("AIModelInventory_CL").Where(r => r.S("DeploymentName") == "blue").ToList();

        Assert.That(snapshots.Where(r => r.T() < at).Select(r => r.S("IntegrityStatus")), Is.All.EqualTo("Verified"));
        Assert.That(snapshots.First(r => r.T() > at).S("IntegrityStatus"), Is.EqualTo("Mismatch"), "the next inventory run sees the swapped artifact");
        var unverified = _data.Scenario("model-registered-without-integrity-check").At;
        Assert.That(unverified, Is.GreaterThan(snapshots.First(r => r.T() > at).T()), "the unverified roll-out comes later and does not mask the mismatch");
        Assert.That(snapshots.Where(r => r.T() > unverified.AddMinutes(30)).Select(r => r.S("IntegrityStatus")), Is.Not.Empty.And.All.EqualTo("NotRegistered"));
    }

    [Test]
    public void Drift_after_deployment_lengthens_answers_on_the_sales_deployment()
    {
        var at = _data.Scenario("output-drift-after-deployment").At;
        var metrics = _data.Rows("AIModelOutputMetrics_CL").Where(r => r.S("Deployment") == "gpt-4o-mini-sales").ToList();

        var before = metrics.Where(r => r.T() < at.AddHours(-1)).Average(r => r.D("MeanOutputChars")!.Value);
        var after = metrics.Where(r => r.T() > at.AddHours(1)).Average(r => r.D("MeanOutputChars")!.Value);
        Assert.That(after, Is.GreaterThan(before * 1.4));
        Assert.That(_data.Rows("AzureActivity").Any(r => r.S("OperationNameValue") == "Microsoft.CognitiveServices/accounts/deployments/write" && r.S("Caller") == _data.Scenario("output-drift-after-deployment").Markers["deployedBy"]), Is.True);
    }

    [Test]
    public void Drift_without_deployment_raises_refusals_with_no_deployment_event()
    {
        var at = _data.Scenario("output-drift-without-deployment").At;
        var metrics = _data.Rows("AIModelOutputMetrics_CL").Where(r => r.S("Deployment") == "gpt-4o-finance").ToList();

        var before = metrics.Where(r => r.T() < at.AddHours(-1)).Sum(r => r.D("RefusalRate")!.Value * r.D("Requests")!.Value) / metrics.Where(r => r.T() < at.AddHours(-1)).Sum(r => r.D("Requests")!.Value);
        var after = metrics.Where(r => r.T() > at.AddHours(1)).Sum(r => r.D("RefusalRate")!.Value * r.D("Requests")!.Value) / metrics.Where(r => r.T() > at.AddHours(1)).Sum(r => r.D("Requests")!.Value);
        Assert.That(after, Is.GreaterThan(before + 0.1));
        Assert.That(_data.Rows("AzureActivity").Where(r => r.S("_ResourceId").EndsWith("/deployments/gpt-4o-finance", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Training_egress_leaves_from_the_training_subnet_to_unknown_destinations()
    {
        var markers = _data.Scenario("training-data-egress").Markers;

        Assert.That(_data.Rows("AZFWNetworkRule").Any(r => r.S("DestinationIp") == markers["destinationIp"] && r.S("SourceIp").StartsWith("10.20.4.", StringComparison.Ordinal)), Is.True);
        Assert.That(_data.Rows("AZFWApplicationRule").Count(r => r.S("Fqdn") == markers["destinationFqdn"]), Is.GreaterThan(0));
    }

    [Test]
    public void Cross_user_retrieval_returns_documents_outside_the_users_acl()
    {
        var user = _data.Scenario("cross-user-retrieval").Markers["user"];

        var rows = _data.Rows("AIRetrieval_CL").Where(r => r.S("UserPrincipalName") == user && r.S("SensitivityLabel") == "Highly Confidential").ToList();
        Assert.That(rows.Where(r => r.TryGetProperty("UserInAcl", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.False), Is.Not.Empty);
        Assert.That(_data.Rows("AIRetrieval_CL").Where(r => r.S("UserPrincipalName") != user).Any(r => r.TryGetProperty("AclEnforced", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.False), Is.False);
    }

    [Test]
    public void Defender_alerts_carry_the_conversation_and_user_context()
    {
        var markers = _data.Scenario("defender-jailbreak-alerts").Markers;

        var alerts = _data.Rows("SecurityAlert").Where(r => r.S("AlertType").StartsWith("AI.Azure_Jailbreak", StringComparison.Ordinal) && r.S("ExtendedProperties").Contains(markers["conversationId"], StringComparison.Ordinal)).ToList();
        Assert.That(alerts, Has.Count.EqualTo(2));
        Assert.That(alerts.Select(a => a.S("Entities")), Is.All.Contains(markers["user"].Split('@')[0]));
        Assert.That(_data.Rows("SecurityIncident").Any(r => r.GetProperty("AlertIds").EnumerateArray().Any(id => markers["alertIds"].Contains(id.GetString()!, StringComparison.Ordinal))), Is.True);
    }

    [Test]
    public void Defender_incidents_are_worked_some_closed_with_a_classification_some_still_open()
    {
        var incidents = _data.Rows("SecurityIncident").GroupBy(r => r.GetProperty("IncidentNumber").GetInt32()).ToList();
        var jailbreak = int.Parse(_data.Scenario("defender-jailbreak-alerts").Markers["incidentNumber"], System.Globalization.CultureInfo.InvariantCulture);

        // Sentinel adds a row per change of an incident: New, then Active with an owner, then Closed.
        var lifecycle = incidents.Single(g => g.Key == jailbreak).OrderBy(r => r.T()).ToList();
        Assert.That(lifecycle.Select(r => r.S("Status")), Is.EqualTo(new[] { "New", "Active", "Closed" }));
        var closed = lifecycle[^1];
        Assert.That(closed.S("Classification"), Is.EqualTo("TruePositive"));
        Assert.That(closed.T("ClosedTime"), Is.GreaterThan(closed.T("CreatedTime")).And.LessThan(_data.Options.End));
        Assert.That(closed.GetProperty("Owner").GetProperty("userPrincipalName").GetString(), Does.EndWith("@contoso.com"));
        Assert.That(lifecycle.Select(r => r.T("CreatedTime")).Distinct().Count(), Is.EqualTo(1), "every row of an incident keeps its creation time");
        Assert.That(incidents.Count(g => g.Any(r => r.S("Status") == "Closed")), Is.EqualTo(2));
        Assert.That(incidents.Count(g => g.All(r => r.S("Status") != "Closed")), Is.EqualTo(1), "the wallet attack is still being investigated");
    }

    [Test]
    public void The_training_subnet_watchlist_describes_the_tenant()
    {
        var lines = File.ReadAllLines(Path.Combine(_data.Folder, "watchlists", "AIPackTrainingSubnets.csv"));

        Assert.That(lines, Is.EqualTo(new[] { "SearchKey", _data.Scenario("training-data-egress").Markers["trainingSubnet"] }));
    }

    [Test]
    public void The_known_good_watchlists_name_no_attacker_identity_or_destination()
    {
        var folder = Path.Combine(_data.Folder, "watchlists");
        var keys = Directory.EnumerateFiles(folder, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => File.ReadAllLines(f).Skip(1).ToList());
        // Identities acting in a scenario against the rule that reads the list: none may be pre-approved there.
        string[] Actors(params string[] scenarios) =>
            [.. scenarios.SelectMany(n => _data.Scenario(n).Markers.Where(m => m.Key is "user" or "deployedBy").Select(m => m.Value))];
        var pipelineActors = Actors("deployment-by-unexpected-identity", "dataset-modified-before-training", "key-listing-unexpected-identity", "registry-write-unexpected-identity");
        var writerActors = Actors("knowledge-base-poisoning");

        Assert.That(keys.Keys, Is.SupersetOf(new[] { "AIPackTrainingSubnets", "AIPackTrainingEgressAllowlist", "AIPackTrainingPipelineIdentities", "AIPackReleasePipelineIdentities", "AIPackAllowedEmailDomains", "AIPackKnowledgeBaseWriters", "AIPackUnattendedTools" }));
        Assert.That(keys.Values.SelectMany(k => k), Has.None.Contains(".example").And.None.Contains("192.0.2."));
        Assert.That(pipelineActors, Is.Not.Empty.And.No.AnyOf([.. keys["AIPackTrainingPipelineIdentities"], .. keys["AIPackReleasePipelineIdentities"]]));
        Assert.That(writerActors, Is.Not.Empty.And.No.AnyOf([.. keys["AIPackKnowledgeBaseWriters"], .. keys["AIPackKnowledgeBaseWriters"].Select(k => k.Replace("hr-policies:", string.Empty, StringComparison.Ordinal))]));
        Assert.That(keys["AIPackAllowedEmailDomains"], Does.Contain("contoso.com"));
    }

    [Test]
    public void Off_schedule_job_scales_the_gpu_cluster_at_night()
    {
        var markers = _data.Scenario("off-schedule-compute").Markers;

        var scale = _data.Rows("AmlComputeClusterEvent").Where(r => r.S("CreatedBy") == markers["user"] && r.S("ClusterName") == markers["cluster"]).ToList();
        Assert.That(scale.Any(r => r.D("TargetNodeCount") == 8 && r.T().Hour < 6), Is.True);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
