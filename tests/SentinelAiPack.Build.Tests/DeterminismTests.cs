using SentinelAiPack.Build.Tests.Support;

namespace SentinelAiPack.Build.Tests;

/// <summary>Two builds of the same content are byte-identical, through the real command line.</summary>
public sealed class DeterminismTests
{
    [Test]
    public async Task Two_builds_of_the_same_content_are_byte_identical()
    {
        using var pack = PackFolder.CopyOfFixture();
        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.ExitCode, Is.EqualTo(0), locked.ToString());

        var first = await Aipack.RunAsync(pack.Root, "build", "--out", "out-1");
        var second = await Aipack.RunAsync(pack.Root, "build", "--out", "out-2");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());

        var one = Files(pack.PathOf("out-1"));
        var two = Files(pack.PathOf("out-2"));
        Assert.That(one.Keys, Is.EqualTo(two.Keys));
        Assert.That(one.Keys, Has.Some.StartsWith("arm/").And.Some.StartsWith("solution/").And.Some.StartsWith("navigator/").And.Some.StartsWith("docs/")
            .And.Some.StartsWith("arm/6-playbooks/").And.Some.StartsWith("arm/7-automation-rules/"));
        foreach (var (path, bytes) in one)
        {
            Assert.That(two[path], Is.EqualTo(bytes), path);
        }
        Assert.That(one.Where(p => !p.Key.EndsWith(".zip", StringComparison.Ordinal)).SelectMany(p => p.Value).Contains((byte)'\r'), Is.False, "LF line endings only");
    }

    [Test]
    public async Task A_rebuild_replaces_the_output_and_removed_items_leave_no_file()
    {
        using var pack = PackFolder.CopyOfFixture();
        Assert.That((await Aipack.RunAsync(pack.Root, "lock")).ExitCode, Is.EqualTo(0));
        Assert.That((await Aipack.RunAsync(pack.Root, "build")).ExitCode, Is.EqualTo(0));
        Assert.That(File.Exists(pack.PathOf("out/arm/4-hunting-queries/prompt-injection/FixtureHunt.json")), Is.True);

        pack.Delete("detections/prompt-injection/hunting/FixtureHunt.yaml");
        var deprecated = await Aipack.RunAsync(pack.Root, "lock", "--deprecate", "7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83", "--reason", "merged into the analytics rule");
        Assert.That(deprecated.ExitCode, Is.EqualTo(0), deprecated.ToString());
        var rebuilt = await Aipack.RunAsync(pack.Root, "build");
        Assert.That(rebuilt.ExitCode, Is.EqualTo(0), rebuilt.ToString());
        Assert.That(File.Exists(pack.PathOf("out/arm/4-hunting-queries/prompt-injection/FixtureHunt.json")), Is.False);
    }

    [Test]
    public async Task Build_refuses_to_empty_a_folder_it_did_not_write()
    {
        using var pack = PackFolder.CopyOfFixture();
        Assert.That((await Aipack.RunAsync(pack.Root, "lock")).ExitCode, Is.EqualTo(0));
        pack.Write("mine/notes.txt", "keep me");
        var result = await Aipack.RunAsync(pack.Root, "build", "--out", "mine");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("SAP8003"));
            Assert.That(pack.Read("mine/notes.txt"), Is.EqualTo("keep me"));
        });
    }

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
