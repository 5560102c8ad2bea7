using System.Text;

namespace SentinelAiPack.Kql.Tests;

/// <summary>Size bounds on <see cref="HashedFileStore"/> folders: least-recently-used entries go, nothing else is touched.</summary>
public class CachePruningTests
{
    private const int ContentLength = 1000;
    private string _root = "";
    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _root = Directory.CreateTempSubdirectory("aipack-prune-").FullName;
        _directory = Path.Combine(_root, "store");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_root, recursive: true);

    private HashedFileStore NewStore() => new(_directory, "code-1");

    private static byte[] ContentOf(int i) => Encoding.UTF8.GetBytes(i.ToString("D4") + new string('x', ContentLength - 4));

    /// <summary>Writes <paramref name="count"/> entries, entry i last used i+1 days after entry 0 (all longer ago than any hit's refresh).</summary>
    private static string[] Fill(HashedFileStore store, int count)
    {
        var keys = new string[count];
        var start = DateTime.UtcNow.AddDays(-count - 1);
        for (var i = 0; i < count; i++)
        {
            keys[i] = store.KeyOf("test", i.ToString());
            Assert.That(store.TryWrite(keys[i], ContentOf(i)), Is.True);
            File.SetLastWriteTimeUtc(store.PathOf(keys[i]), start.AddDays(i));
        }
        return keys;
    }

    private long BytesOnDisk() =>
        Directory.EnumerateFiles(_directory, "*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    [Test]
    public void Over_limit_store_is_pruned_to_the_bound_and_recently_used_entries_survive()
    {
        var store = NewStore();
        var keys = Fill(store, 10);
        var entryBytes = new FileInfo(store.PathOf(keys[0])).Length;
        // A hit makes the two oldest entries the most recently used.
        Assert.That(store.TryRead(keys[0]), Is.EqualTo(ContentOf(0)));
        Assert.That(store.TryRead(keys[1]), Is.EqualTo(ContentOf(1)));

        var bound = 4 * entryBytes + entryBytes / 2;
        var result = store.Prune(bound);

        var survivors = Enumerable.Range(0, 10).Where(i => File.Exists(store.PathOf(keys[i]))).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(survivors, Is.EqualTo(new[] { 0, 1, 8, 9 }));
            Assert.That(result, Is.EqualTo(new CachePruneResult(10, 10 * entryBytes, 6, 4 * entryBytes)));
            Assert.That(BytesOnDisk(), Is.EqualTo(4 * entryBytes).And.LessThanOrEqualTo(bound));
            Assert.That(store.TryRead(keys[9]), Is.EqualTo(ContentOf(9)));
            Assert.That(store.TryRead(keys[5]), Is.Null, "a pruned entry is a miss");
        });
    }

    [Test]
    public void Store_under_the_bound_keeps_every_entry()
    {
        var store = NewStore();
        Fill(store, 5);
        var bytes = BytesOnDisk();

        var result = store.Prune(bytes);

        Assert.That(result, Is.EqualTo(new CachePruneResult(5, bytes, 0, bytes)));
        Assert.That(BytesOnDisk(), Is.EqualTo(bytes));
    }

    [Test]
    public void Pruning_deletes_only_the_stores_own_entries_and_abandoned_temp_files()
    {
        var store = NewStore();
        var keys = Fill(store, 3);
        var fanOut = Path.GetDirectoryName(store.PathOf(keys[0]))!;
        var entryName = Path.GetFileName(store.PathOf(keys[0]));
        var abandonedTemp = store.PathOf(keys[0]) + ".4242.0badf00d.tmp";
        var inFlightTemp = store.PathOf(keys[1]) + ".4243.12345678.tmp";
        File.WriteAllText(abandonedTemp, "half");
        File.SetLastWriteTimeUtc(abandonedTemp, DateTime.UtcNow.AddHours(-2));
        File.WriteAllText(inFlightTemp, "half");
        var outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(outside);
        var foreign = new[]
        {
            Path.Combine(_directory, "notes.txt"),
            Path.Combine(_directory, "other", entryName),
            Path.Combine(fanOut, "readme.json"),
            Path.Combine(fanOut, new string('0', 64) + ".json"),
            Path.Combine(outside, entryName),
            Path.Combine(_root, "sibling.json"),
        };
        foreach (var file in foreign)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "not an entry of this store");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddYears(-1));
        }
        // A fan-out-shaped link to a folder elsewhere is not followed.
        var linkName = fanOut.EndsWith("ee", StringComparison.Ordinal) ? "ef" : "ee";
        Directory.CreateSymbolicLink(Path.Combine(_directory, linkName), outside);
        File.Move(Path.Combine(outside, entryName), Path.Combine(outside, linkName + entryName[2..]));
        foreign[4] = Path.Combine(outside, linkName + entryName[2..]);

        var result = store.Prune(0);

        Assert.Multiple(() =>
        {
            Assert.That(result.EntriesDeleted, Is.EqualTo(3));
            Assert.That(keys.Select(k => File.Exists(store.PathOf(k))), Has.All.False);
            Assert.That(foreign.Where(f => !File.Exists(f)), Is.Empty);
            Assert.That(File.Exists(abandonedTemp), Is.False, "a temp file older than an hour is a killed writer's");
            Assert.That(File.Exists(inFlightTemp), Is.True, "a fresh temp file may belong to a running writer");
        });
    }

    [Test]
    public void Entry_deleted_under_a_reader_is_a_miss()
    {
        var store = NewStore();
        var key = store.KeyOf("test", "a");
        Assert.That(store.TryWrite(key, ContentOf(1)), Is.True);
        File.Delete(store.PathOf(key));
        Assert.That(store.TryRead(key), Is.Null);

        Assert.That(store.TryWrite(key, ContentOf(1)), Is.True);
        Directory.Delete(Path.GetDirectoryName(store.PathOf(key))!, recursive: true);
        Assert.That(store.TryRead(key), Is.Null);
        Assert.That(store.TryWrite(key, ContentOf(2)), Is.True, "a write recreates a folder deleted meanwhile");
        Assert.That(store.TryRead(key), Is.EqualTo(ContentOf(2)));

        Directory.Delete(_directory, recursive: true);
        Assert.That(store.Prune(0), Is.EqualTo(CachePruneResult.Empty));
    }

    [Test]
    public async Task Concurrent_pruning_reading_and_writing_never_throws_and_reads_are_hits_or_misses()
    {
        var store = NewStore();
        var keys = Fill(store, 40);
        var entryBytes = new FileInfo(store.PathOf(keys[0])).Length;
        var wrongReads = 0;

        // Two pruners race each other and two reader-writers, as concurrent aipack processes sharing a cache would.
        var pruners = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var round = 0; round < 30; round++)
            {
                store.Prune(round % 2 == 0 ? 5 * entryBytes : 0);
            }
        }));
        var users = Enumerable.Range(0, 2).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = worker; i < keys.Length; i += 2)
                {
                    if (store.TryRead(keys[i]) is { } content && !content.AsSpan().SequenceEqual(ContentOf(i)))
                    {
                        Interlocked.Increment(ref wrongReads);
                    }
                    store.TryWrite(keys[i], ContentOf(i));
                }
            }
        }));
        await Task.WhenAll(pruners.Concat(users));

        Assert.That(wrongReads, Is.Zero);
        store.Prune(5 * entryBytes);
        Assert.That(BytesOnDisk(), Is.LessThanOrEqualTo(5 * entryBytes));
    }

    [TestCase(null, null)]
    [TestCase(" ", null)]
    [TestCase("0", 0L)]
    [TestCase(" 300 ", 300L * 1024 * 1024)]
    public void Size_limit_is_whole_megabytes_or_unset(string? value, long? expected) =>
        Assert.That(CacheSizeLimit.Parse(value), Is.EqualTo(expected));

    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("64MB")]
    [TestCase("99999999999")]
    public void Size_limit_rejects_other_values_naming_the_variable(string value) =>
        Assert.That(() => CacheSizeLimit.Parse(value), Throws.TypeOf<FormatException>().With.Message.Contains("AIPACK_CACHE_MAX_MB='" + value + "'"));
}
