using SentinelAiPack.Build.Lock;

namespace SentinelAiPack.Build.Tests.Support;

/// <summary>A scratch copy of the fixture content repository (Fixtures/pack), deleted afterwards.</summary>
internal sealed class PackFolder : IDisposable
{
    private PackFolder(string root) => Root = root;

    public string Root { get; }

    public string Detections => Path.Combine(Root, "detections");

    public string LockPath => Path.Combine(Detections, LockFile.FileName);

    public static PackFolder CopyOfFixture()
    {
        var root = Path.Combine(Path.GetTempPath(), "aipack-build-tests-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "pack");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new PackFolder(root);
    }

    /// <summary>A copy of the fixture, first changed by <paramref name="prepare"/>, whose lock file <c>aipack lock</c> has written.</summary>
    public static async Task<PackFolder> LockedCopyAsync(Action<PackFolder>? prepare = null)
    {
        var pack = CopyOfFixture();
        prepare?.Invoke(pack);
        var locked = await Aipack.RunAsync(pack.Root, "lock");
        Assert.That(locked.ExitCode, Is.EqualTo(0), locked.ToString());
        return pack;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces <paramref name="oldText"/> (which must occur) in a file.</summary>
    public void Edit(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        Assert.That(text, Does.Contain(oldText), $"fixture {relative} no longer contains the text the test edits");
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans the temp folder eventually.
        }
    }
}
