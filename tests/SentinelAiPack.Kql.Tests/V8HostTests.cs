using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql.Tests;

public class V8HostTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "aipack-v8-cache-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void Ping_round_trips_through_the_dispatcher()
    {
        using var host = new V8KqlScriptHost(KustoBundle.Default);
        Assert.That(host.Call("ping", "{\"value\":42}"), Is.EqualTo("{\"pong\":42}"));
    }

    [Test]
    public void Unknown_method_is_a_host_exception()
    {
        using var host = new V8KqlScriptHost(KustoBundle.Default);
        Assert.That(() => host.Call("nope", "{}"), Throws.TypeOf<KqlHostException>().With.Message.Contains("unknown method"));
    }

    [Test]
    public void Code_cache_is_written_once_and_then_read()
    {
        var cache = new V8CodeCache(_directory);

        using (var first = new V8KqlScriptHost(KustoBundle.Default, cache))
        {
            Assert.That(first.Call("ping", "{\"value\":1}"), Is.EqualTo("{\"pong\":1}"));
        }
        var files = Directory.GetFiles(_directory, "*.v8cache").Order().ToArray();
        var written = files.Select(File.GetLastWriteTimeUtc).ToArray();
        using (var second = new V8KqlScriptHost(KustoBundle.Default, cache))
        {
            Assert.That(second.Call("ping", "{\"value\":2}"), Is.EqualTo("{\"pong\":2}"));
        }

        Assert.That(files, Has.Length.EqualTo(2), "one file per large bundle script");
        Assert.That(files.Select(File.GetLastWriteTimeUtc), Is.EqualTo(written), "a valid cache is read, not rewritten");
        Assert.That(files.Select(f => cache.TryLoad(f)), Has.All.Not.Null);
    }

    [Test]
    public void Writing_a_script_cache_removes_that_script_s_stale_files_only()
    {
        Directory.CreateDirectory(_directory);
        var staleOfBundle = Path.Combine(_directory, "bridge.min-" + new string('0', 24) + ".v8cache");
        var otherScript = Path.Combine(_directory, "other-" + new string('0', 24) + ".v8cache");
        var notACacheKey = Path.Combine(_directory, "bridge.min-not-a-cache-key-at-all.v8cache");
        var foreign = Path.Combine(_directory, "notes.txt");
        foreach (var path in new[] { staleOfBundle, otherScript, notACacheKey, foreign })
        {
            File.WriteAllText(path, "x");
        }

        using (var host = new V8KqlScriptHost(KustoBundle.Default, new V8CodeCache(_directory)))
        {
            Assert.That(host.Call("ping", "{\"value\":1}"), Is.EqualTo("{\"pong\":1}"));
        }

        Assert.That(File.Exists(staleOfBundle), Is.False, "an older cache of the same script is deleted");
        Assert.That(new[] { otherScript, notACacheKey, foreign }.Where(File.Exists).ToArray(), Has.Length.EqualTo(3), "nothing else is touched");
        Assert.That(Directory.GetFiles(_directory, "bridge.min-*.v8cache"), Has.Length.EqualTo(2), "the fresh cache and the non-key file");
    }

    [TestCase("truncate")]
    [TestCase("flip")]
    [TestCase("garbage")]
    public void Damaged_code_cache_is_ignored_and_rewritten(string damage)
    {
        var cache = new V8CodeCache(_directory);
        using (new V8KqlScriptHost(KustoBundle.Default, cache))
        {
        }
        var file = Directory.GetFiles(_directory, "*.v8cache").OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "truncate" => bytes[..(bytes.Length / 2)],
            "flip" => Flip(bytes, bytes.Length / 2),
            _ => new byte[bytes.Length],
        });
        Assert.That(cache.TryLoad(file), Is.Null);

        using (var host = new V8KqlScriptHost(KustoBundle.Default, cache))
        {
            Assert.That(host.Call("ping", "{\"value\":1}"), Is.EqualTo("{\"pong\":1}"));
        }

        Assert.That(cache.TryLoad(file), Is.Not.Null, "the damaged file was replaced by a valid one");
    }

    [Test]
    public void Cache_directory_follows_the_environment()
    {
        var saved = Environment.GetEnvironmentVariable(AipackCacheDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AipackCacheDirectory.EnvironmentVariable, _directory);
            Assert.That(AipackCacheDirectory.Resolve(), Is.EqualTo(Path.GetFullPath(_directory)));

            Environment.SetEnvironmentVariable(AipackCacheDirectory.EnvironmentVariable, null);
            Assert.That(AipackCacheDirectory.Resolve(), Does.EndWith(Path.Combine("", "aipack")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(AipackCacheDirectory.EnvironmentVariable, saved);
        }
    }

    [Test]
    public void Host_kind_is_chosen_by_the_environment()
    {
        var saved = Environment.GetEnvironmentVariable(KqlHostFactory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(KqlHostFactory.EnvironmentVariable, "node");
            using (var node = KqlHostFactory.Create(KustoBundle.Default, null, null))
            {
                Assert.That(node.Kind, Is.EqualTo(KqlHostKind.Node));
            }
            Environment.SetEnvironmentVariable(KqlHostFactory.EnvironmentVariable, null);
            using (var automatic = KqlHostFactory.Create(KustoBundle.Default, null, null))
            {
                Assert.That(automatic.Kind, Is.EqualTo(KqlHostKind.V8), "V8 is the default where its native library loads");
            }
            Environment.SetEnvironmentVariable(KqlHostFactory.EnvironmentVariable, "spidermonkey");
            Assert.That(() => KqlHostFactory.Create(KustoBundle.Default, null, null),
                Throws.TypeOf<KqlHostException>().With.Message.Contains("use 'v8' or 'node'"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(KqlHostFactory.EnvironmentVariable, saved);
        }
    }

    [Test]
    public void Cancellation_interrupts_a_running_script()
    {
        using var host = new V8KqlScriptHost(KustoBundle.Default);
        var longRequest = System.Text.Json.JsonSerializer.Serialize(new { texts = Enumerable.Repeat("print x = 1 | extend y = x * 2", 200_000).ToArray(), mode = "query" });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        Assert.That(() => host.Call("benchLoop", longRequest, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0xFF;
        return copy;
    }
}
