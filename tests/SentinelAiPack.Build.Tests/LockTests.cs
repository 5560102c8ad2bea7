using SentinelAiPack.Build.Lock;
using SentinelAiPack.Build.Tests.Support;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Tests;

/// <summary>The version lock: a query edit without a version bump fails the build naming the item; lock records bumps; removals need a deprecation.</summary>
public sealed class LockTests
{
    private const string RuleFile = "detections/prompt-injection/analytics/FixtureInjection.yaml";
    private const string RuleId = "5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61";
    private const string RuleName = "Fixture - instruction override in a user prompt";

    [Test]
    public async Task A_query_edit_without_a_version_bump_fails_the_build_naming_the_item()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(RuleFile, "has \"ignore previous instructions\"", "has \"ignore all previous instructions\"");
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString());
            Assert.That(build.Error, Does.Contain("SAP8010"));
            Assert.That(build.Error, Does.Contain(RuleName).And.Contain(RuleId));
            Assert.That(build.Error, Does.Contain("FixtureInjection.yaml"));
            Assert.That(build.Error, Does.Contain("1.0.1"), "suggests the next version");
            Assert.That(Directory.Exists(pack.PathOf("out")), Is.False, "nothing written");
        });
    }

    [Test]
    public async Task A_bumped_version_needs_aipack_lock_then_builds()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(RuleFile, "has \"ignore previous instructions\"", "has \"ignore all previous instructions\"");
        pack.Edit(RuleFile, "version: 1.0.0", "version: 1.1.0");

        var stale = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(stale.ExitCode, Is.EqualTo(1));
        Assert.That(stale.Error, Does.Contain("SAP8013").And.Contain("run 'aipack lock'"));

        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.ExitCode, Is.EqualTo(0), locked.ToString());
        Assert.That(locked.Out, Does.Contain("1.0.0 -> 1.1.0"));
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
    }

    [Test]
    public async Task Lock_refuses_a_logic_change_without_a_bump_unless_forced()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        var before = pack.Read("detections/aipack.lock.json");
        pack.Edit(RuleFile, "triggerThreshold: 0", "triggerThreshold: 2");

        var refused = await Aipack.RunAsync(pack.Root, "lock");
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("SAP8010").And.Contain(RuleName));
            Assert.That(pack.Read("detections/aipack.lock.json"), Is.EqualTo(before), "the lock file is not touched");
        });

        var forced = await Aipack.RunAsync(pack.Root, "lock", "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.ToString());
        Assert.That(forced.Out, Does.Contain("forced"));
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Description_and_whitespace_edits_need_no_bump()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit(RuleFile, "Detects user prompts that tell", "Finds user prompts that tell");
        pack.Edit(RuleFile, "by SessionId, UserPrincipalName, ClientIp\n", "by SessionId, UserPrincipalName, ClientIp   \n");
        pack.Edit(RuleFile, "queryFrequency: 15m", "queryFrequency: 00:15:00");
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
    }

    [Test]
    public async Task A_lower_version_is_refused_even_with_force()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Edit("detections/prompt-injection/analytics/FixtureNrtActivity.yaml", "version: 1.2.0", "version: 1.1.9");
        var build = await Aipack.RunAsync(pack.Root, "build");
        var locked = await Aipack.RunAsync(pack.Root, "lock", "--force");
        Assert.Multiple(() =>
        {
            Assert.That(build.Error, Does.Contain("SAP8011").And.Contain("1.1.9").And.Contain("1.2.0"));
            Assert.That(locked.ExitCode, Is.EqualTo(1));
            Assert.That(locked.Error, Does.Contain("SAP8011"));
        });
    }

    [Test]
    public async Task A_removed_item_needs_a_deprecation_entry_with_a_reason()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Delete("detections/prompt-injection/hunting/FixtureHunt.yaml");

        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(1));
        Assert.That(build.Error, Does.Contain("SAP8014").And.Contain("Fixture - users with the most override prompts").And.Contain("--deprecate 7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83"));

        var noReason = await Aipack.RunAsync(pack.Root, "lock", "--deprecate", "7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83");
        Assert.That(noReason.ExitCode, Is.EqualTo(2));

        var wrongReplacement = await Aipack.RunAsync(pack.Root, "lock", "--deprecate", "7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83", "--reason", "superseded", "--replacement", "no-such-item");
        Assert.That(wrongReplacement.ExitCode, Is.EqualTo(1));
        Assert.That(wrongReplacement.Error, Does.Contain("SAP8015"));

        var deprecated = await Aipack.RunAsync(pack.Root, "lock", "--deprecate", "7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83", "--reason", "superseded by the rule", "--replacement", RuleId);
        Assert.That(deprecated.ExitCode, Is.EqualTo(0), deprecated.ToString());
        var lockText = pack.Read("detections/aipack.lock.json");
        Assert.That(lockText, Does.Contain("\"reason\": \"superseded by the rule\"").And.Contain($"\"replacement\": \"{RuleId}\""));
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_new_item_must_be_locked_before_it_builds()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Write("detections/prompt-injection/hunting/FixtureHuntTwo.yaml",
            pack.Read("detections/prompt-injection/hunting/FixtureHunt.yaml")
                .Replace("7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83", "8a3f9d5e-0b4c-4d6e-8f1a-4b5c6d7e8f94", StringComparison.Ordinal)
                .Replace("Fixture - users with", "Fixture two - users with", StringComparison.Ordinal));
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.Error, Does.Contain("SAP8012").And.Contain("Fixture two"));
        Assert.That((await Aipack.RunAsync(pack.Root, "lock")).Out, Does.Contain("added at version 1.0.0"));
    }

    [Test]
    public async Task A_malformed_lock_file_is_reported_with_its_line()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        pack.Write("detections/aipack.lock.json", "{\n  \"items\": {\n    \"x\": \n}\n");
        var build = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(build.ExitCode, Is.EqualTo(1));
        Assert.That(build.Error, Does.Match(@"aipack\.lock\.json:\d+:\d+: error SAP8016"));
        Assert.That(build.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Logic_hash_covers_behaviour_fields_and_ignores_documentation_fields()
    {
        using var pack = PackFolder.CopyOfFixture();
        var baseline = Hash(await LoadedPack.LoadAsync(pack.Root));

        pack.Edit(RuleFile, "severity: Medium", "severity: High");
        Assert.That(Hash(await LoadedPack.LoadAsync(pack.Root)), Is.Not.EqualTo(baseline), "severity changes the alert");

        pack.Edit(RuleFile, "severity: High", "severity: Medium");
        pack.Edit(RuleFile, "  - InitialAccess\nrelevantTechniques", "  - InitialAccess\n  - Execution\nrelevantTechniques");
        pack.Edit(RuleFile, "severityRationale: An attempt only", "severityRationale: Only an attempt");
        Assert.That(Hash(await LoadedPack.LoadAsync(pack.Root)), Is.EqualTo(baseline), "tactics and the aipack block change no behaviour");

        static string Hash(PackContent content) => LogicHash.Compute(content.Items.Single(i => i.Key == RuleId).Item);
    }

    [Test]
    public void Versions_compare_numerically()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ItemVersion.Parse("1.10.0")! > ItemVersion.Parse("1.9.9")!, Is.True);
            Assert.That(ItemVersion.Parse("1.0")!, Is.Null);
            Assert.That(ItemVersion.Parse("v1.0.0"), Is.Null);
            Assert.That(ItemVersion.Parse("2.0.1")!.NextPatch.ToString(), Is.EqualTo("2.0.2"));
        });
    }

    [Test]
    public async Task Check_reports_every_problem_as_a_diagnostic_of_the_item_file()
    {
        using var pack = PackFolder.CopyOfFixture();
        var content = await LoadedPack.LoadAsync(pack.Root);
        var diagnostics = LockCheck.Check(content, LockFile.Empty, pack.LockPath);
        Assert.That(diagnostics.Select(d => d.Code).Distinct(), Is.EqualTo(new[] { "SAP8012" }));
        // The content items, the fixture workbook, and the conversation playbook and automation rule its PromptInjection rule brings.
        Assert.That(diagnostics, Has.Count.EqualTo(content.Items.Count + 3));
        Assert.That(diagnostics.All(d => d.Severity == DiagnosticSeverity.Error), Is.True);
        var generated = diagnostics.Where(d => d.FilePath == pack.LockPath).ToList();
        Assert.That(generated.Select(d => d.Message), Has.Some.Contains("AIPack-EnrichConversationContext").And.Some.Contains("AIPack-RunConversationContext"),
            "the fixture has no playbooks/ folder: findings about generated templates name the lock file");
        Assert.That(diagnostics.Except(generated).All(d => File.Exists(d.FilePath)), Is.True);
    }
}
