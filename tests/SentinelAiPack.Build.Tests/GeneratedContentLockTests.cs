using System.Text.Json.Nodes;
using SentinelAiPack.Build.Lock;
using SentinelAiPack.Build.Playbooks;
using SentinelAiPack.Build.Tests.Support;
using SentinelAiPack.Enrichment.Playbooks;

namespace SentinelAiPack.Build.Tests;

/// <summary>
/// Workbooks, playbooks and automation rules under the version lock: an edit without a version bump fails the build
/// naming the item, a bump needs <c>aipack lock</c>, a removal needs a deprecation entry, and a lock file written before
/// their sections existed still loads.
/// </summary>
public sealed class GeneratedContentLockTests
{
    private const string WorkbookFile = "workbooks/fixture.workbook.yaml";
    private const string WorkbookId = "sentinel-AIPackFixture";
    private const string WorkbookTitle = "Fixture injection attempts";
    private const string Playbook = PlaybookArtifacts.ConversationPlaybook;
    private const string AutomationRule = "AIPack-RunConversationContext";
    private const string LockFileName = "detections/aipack.lock.json";

    [Test]
    public async Task The_lock_records_the_workbook_playbook_and_automation_rule_in_their_sections()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        var lockJson = ReadLock(pack);
        Assert.Multiple(() =>
        {
            Assert.That(lockJson["workbooks"]![WorkbookId]!["version"]!.GetValue<string>(), Is.EqualTo("1.1.0"));
            Assert.That(lockJson["workbooks"]![WorkbookId]!["file"]!.GetValue<string>(), Is.EqualTo(WorkbookFile));
            Assert.That(lockJson["playbooks"]![Playbook]!["kind"]!.GetValue<string>(), Is.EqualTo("Playbook"));
            Assert.That(lockJson["automationRules"]![AutomationRule]!["kind"]!.GetValue<string>(), Is.EqualTo("AutomationRule"));
            Assert.That(lockJson["playbooks"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { Playbook }),
                "only the playbook the build ships: the fixture has no ModelDrift rule");
            Assert.That(lockJson["items"]!.AsObject().Any(p => p.Key == WorkbookId), Is.False);
        });
    }

    [Test]
    public async Task A_workbook_tile_query_edit_without_a_version_bump_fails_the_build_naming_the_workbook()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(WorkbookFile, "summarize Attempts = count() by UserPrincipalName", "summarize Attempts = dcount(SessionId) by UserPrincipalName");
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString());
            Assert.That(build.Error, Does.Contain("SAP8010").And.Contain(WorkbookTitle).And.Contain(WorkbookId));
            Assert.That(build.Error, Does.Match(@"fixture\.workbook\.yaml:6:\d+: error SAP8010"), "points at the spec's version line");
            Assert.That(build.Error, Does.Contain("1.1.1"), "suggests the next version");
            Assert.That(Directory.Exists(pack.PathOf("out")), Is.False, "nothing written");
        });
    }

    [Test]
    public async Task A_bumped_workbook_needs_aipack_lock_then_builds()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(WorkbookFile, "summarize Attempts = count() by UserPrincipalName", "summarize Attempts = dcount(SessionId) by UserPrincipalName");
        pack.Edit(WorkbookFile, "version: 1.1.0", "version: 1.2.0");

        var stale = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(stale.ExitCode, Is.EqualTo(1));
        Assert.That(stale.Error, Does.Contain("SAP8013").And.Contain(WorkbookId).And.Contain("run 'aipack lock'"));

        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.ExitCode, Is.EqualTo(0), locked.ToString());
        Assert.That(locked.Out, Does.Contain($"{WorkbookTitle} ({WorkbookId}): 1.1.0 -> 1.2.0"));
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        var workbookContent = JsonNode.Parse(pack.Read("out/solution/mainTemplate.json"))!["resources"]!.AsArray()
            .Single(r => r!["properties"]?["contentKind"]?.GetValue<string>() == "Workbook")!;
        Assert.That(workbookContent["properties"]!["version"]!.GetValue<string>(), Is.EqualTo("1.2.0"), "the package ships the workbook at its spec version");
    }

    [Test]
    public async Task Workbook_title_and_description_edits_need_no_bump_but_a_lower_version_is_refused()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(WorkbookFile, "title: Fixture injection attempts", "title: Fixture prompt-injection attempts");
        pack.Edit(WorkbookFile, "Override prompts per user.", "Instruction-override prompts per user.");
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());

        pack.Edit(WorkbookFile, "version: 1.1.0", "version: 1.0.9");
        var lowered = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(lowered.Error, Does.Contain("SAP8011").And.Contain("1.0.9").And.Contain("1.1.0").And.Contain(WorkbookId));
    }

    [Test]
    public async Task A_playbook_template_change_without_a_bump_fails_the_build_naming_the_playbook()
    {
        // The template comes from the generator: a lock written by a generator whose template differed (another hash at
        // the same version) is what a generator change without a new release note looks like to the build.
        using var pack = await PackFolder.LockedCopyAsync();
        var lockJson = ReadLock(pack);
        lockJson["playbooks"]![Playbook]!["hash"] = "sha256:" + new string('0', 64);
        WriteLock(pack, lockJson);

        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString());
            Assert.That(build.Error, Does.Contain("SAP8010").And.Contain($"'{Playbook}' ({Playbook})"));
            Assert.That(build.Error, Does.Contain("release note").And.Contain("1.1.1"), "says how a generated template's version is raised");
        });
        var refused = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(refused.ExitCode, Is.EqualTo(1), "lock refuses the change without a bump, like for rules");
    }

    [Test]
    public async Task A_playbook_version_above_the_lock_needs_aipack_lock()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        var lockJson = ReadLock(pack);
        lockJson["automationRules"]![AutomationRule]!["version"] = "0.9.0";
        WriteLock(pack, lockJson);

        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.Error, Does.Contain("SAP8013").And.Contain(AutomationRule).And.Contain("0.9.0"));
        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.Out, Does.Contain("0.9.0 -> 1.0.0 (logic unchanged)"));
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_lock_file_without_the_new_sections_loads_and_lock_adds_them()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        var lockJson = ReadLock(pack);
        var items = lockJson["items"]!.ToJsonString();
        lockJson.Remove("workbooks");
        lockJson.Remove("playbooks");
        lockJson.Remove("automationRules");
        WriteLock(pack, lockJson);

        var build = await Aipack.RunAsync(pack.Root, "build");
        var errorCodes = build.Error.Split('\n').Where(l => l.Contains(": error SAP", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.EqualTo(1));
            Assert.That(errorCodes, Has.Count.EqualTo(3).And.All.Contain("SAP8012"), build.Error);
            Assert.That(build.Error, Does.Contain(WorkbookId).And.Contain(Playbook).And.Contain(AutomationRule));
        });

        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.ExitCode, Is.EqualTo(0), locked.ToString());
        Assert.That(locked.Out, Does.Contain($"{WorkbookTitle} ({WorkbookId}): added at version 1.1.0").And.Contain("3 change(s)"));
        Assert.That(ReadLock(pack)["items"]!.ToJsonString(), Is.EqualTo(items), "existing entries and their hashes do not change");
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_removed_workbook_needs_a_deprecation_entry()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Delete(WorkbookFile);

        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(1));
        Assert.That(build.Error, Does.Contain("SAP8014").And.Contain(WorkbookTitle).And.Contain($"--deprecate {WorkbookId}"));

        var deprecated = await Aipack.RunAsync(pack.Root, "lock", "--deprecate", WorkbookId, "--reason", "folded into the overview");
        Assert.That(deprecated.ExitCode, Is.EqualTo(0), deprecated.ToString());
        var lockJson = ReadLock(pack);
        Assert.Multiple(() =>
        {
            Assert.That(lockJson["deprecated"]![WorkbookId]!["lastVersion"]!.GetValue<string>(), Is.EqualTo("1.1.0"));
            Assert.That(lockJson["workbooks"]!.AsObject().Count, Is.Zero);
        });
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void Playbook_hash_covers_the_template_but_not_its_gallery_metadata()
    {
        var template = PlaybookArtifacts.Build([]).Single(a => a.RelativePath.StartsWith(Playbook, StringComparison.Ordinal)).Template;
        var baseline = LogicHash.ComputePlaybook(template);

        var described = (JsonObject)template.DeepClone();
        described["metadata"]!["description"] = "Another description.";
        described["metadata"]!["releaseNotes"]!.AsArray().Insert(0, new JsonObject { ["version"] = "1.1.1", ["title"] = "Docs", ["notes"] = new JsonArray("x") });

        var changed = (JsonObject)template.DeepClone();
        var workflow = changed["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Logic/workflows")!;
        workflow["properties"]!["definition"]!["actions"]!["Enrich_incident"]!["inputs"]!["method"] = "PUT";

        Assert.Multiple(() =>
        {
            Assert.That(LogicHash.ComputePlaybook(described), Is.EqualTo(baseline));
            Assert.That(TemplateVersion.Of(described), Is.EqualTo("1.1.1"), "the newest release note is the version");
            Assert.That(TemplateVersion.Of(template), Is.EqualTo("1.1.0"));
            Assert.That(LogicHash.ComputePlaybook(changed), Is.Not.EqualTo(baseline));
        });
    }

    [Test]
    public void Automation_rule_hash_ignores_the_watched_rules_but_not_the_trigger()
    {
        static JsonObject Rule(IReadOnlyList<string> ids, int order) =>
            AutomationRuleTemplate.Build(Guid.Parse("5b0c8f2e-1d7a-4c3b-9e6f-2a4d8c1b7e01"), "Run it", Playbook, order, ids, [new("1.0.0", "Initial version", ["n"])]);

        var baseline = LogicHash.ComputeAutomationRule(Rule(["a"], 100));
        Assert.Multiple(() =>
        {
            Assert.That(LogicHash.ComputeAutomationRule(Rule(["a", "b"], 100)), Is.EqualTo(baseline), "a new rule of the alert type needs no bump");
            Assert.That(LogicHash.ComputeAutomationRule(Rule(["a"], 101)), Is.Not.EqualTo(baseline));
        });
    }

    private static JsonObject ReadLock(PackFolder pack) => JsonNode.Parse(pack.Read(LockFileName))!.AsObject();

    private static void WriteLock(PackFolder pack, JsonObject lockJson) => pack.Write(LockFileName, lockJson.ToJsonString(new() { WriteIndented = true }));
}
