using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>How an item stands against the lock file.</summary>
public enum ItemLockStatus
{
    /// <summary>Same version and logic as locked.</summary>
    Unchanged,

    /// <summary>Not in the lock file yet.</summary>
    New,

    /// <summary>Version raised since it was locked (with or without a logic change): the lock needs updating.</summary>
    VersionRaised,

    /// <summary>Logic changed but the version is the locked one.</summary>
    ChangedWithoutVersion,

    /// <summary>Version lower than the locked one.</summary>
    VersionLowered,

    /// <summary>No x.y.z version.</summary>
    VersionInvalid,

    /// <summary>Present although the lock file deprecates it.</summary>
    Deprecated,
}

/// <summary>One tracked item's current entry, its locked entry and the verdict.</summary>
public sealed record ItemLockState(LockSubject Subject, LockEntry? Locked, ItemLockStatus Status)
{
    public LockEntry Current => Subject.Entry;
}

/// <summary>A locked item no longer in the content, with its deprecation entry when there is one.</summary>
public sealed record RemovedItem(LockSection Section, string Key, LockEntry Locked, DeprecationEntry? Deprecation);

/// <summary>Every tracked item and every removed item compared with the lock file; problems collecting the items.</summary>
public sealed record LockDiff(
    IReadOnlyList<ItemLockState> Items,
    IReadOnlyList<RemovedItem> Removed,
    IReadOnlyList<IReadOnlyList<LockSubject>> DuplicateKeys,
    IReadOnlyList<Diagnostic> Problems);

public static class LockComparison
{
    public static LockDiff Compare(PackContent content, LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(lockFile);
        var collected = LockSubjects.Collect(content);
        var subjects = collected.Subjects;
        var duplicates = subjects.GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<LockSubject>)g.ToList()).ToList();
        var states = new List<ItemLockState>();
        foreach (var subject in subjects)
        {
            lockFile.Section(subject.Section).TryGetValue(subject.Key, out var locked);
            states.Add(new ItemLockState(subject, locked, StatusOf(subject.Key, subject.Entry, locked, lockFile)));
        }
        var removed = new List<RemovedItem>();
        foreach (var section in LockSections.All)
        {
            var present = subjects.Where(s => s.Section == section).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            removed.AddRange(lockFile.Section(section)
                .Where(p => !present.Contains(p.Key))
                .Select(p => new RemovedItem(section, p.Key, p.Value, lockFile.Deprecated.GetValueOrDefault(p.Key))));
        }
        return new LockDiff(states, removed, duplicates, collected.Problems);
    }

    private static ItemLockStatus StatusOf(string key, LockEntry current, LockEntry? locked, LockFile lockFile)
    {
        if (lockFile.Deprecated.ContainsKey(key))
        {
            return ItemLockStatus.Deprecated;
        }
        if (ItemVersion.Parse(current.Version) is not { } version)
        {
            return ItemLockStatus.VersionInvalid;
        }
        if (locked is null)
        {
            return ItemLockStatus.New;
        }
        // A locked version that does not parse can only come from a hand edit: treat the item as not locked.
        if (ItemVersion.Parse(locked.Version) is not { } lockedVersion)
        {
            return ItemLockStatus.New;
        }
        if (version < lockedVersion)
        {
            return ItemLockStatus.VersionLowered;
        }
        if (version > lockedVersion)
        {
            return ItemLockStatus.VersionRaised;
        }
        return current.Hash == locked.Hash ? ItemLockStatus.Unchanged : ItemLockStatus.ChangedWithoutVersion;
    }
}
