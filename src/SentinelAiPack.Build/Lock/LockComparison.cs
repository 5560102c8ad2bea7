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

/// <summary>One item's current entry, its locked entry and the verdict.</summary>
public sealed record ItemLockState(PackItem Item, LockEntry Current, LockEntry? Locked, ItemLockStatus Status);

/// <summary>A locked item no longer in the content, with its deprecation entry when there is one.</summary>
public sealed record RemovedItem(string Key, LockEntry Locked, DeprecationEntry? Deprecation);

/// <summary>Every item and every removed item compared with the lock file.</summary>
public sealed record LockDiff(IReadOnlyList<ItemLockState> Items, IReadOnlyList<RemovedItem> Removed, IReadOnlyList<IReadOnlyList<PackItem>> DuplicateKeys);

public static class LockComparison
{
    public static LockDiff Compare(PackContent content, LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(lockFile);
        var duplicates = content.Items.GroupBy(i => i.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<PackItem>)g.ToList()).ToList();
        var states = new List<ItemLockState>();
        foreach (var item in content.Items)
        {
            var current = EntryFor(content, item);
            lockFile.Items.TryGetValue(item.Key, out var locked);
            states.Add(new ItemLockState(item, current, locked, StatusOf(item, current, locked, lockFile)));
        }
        var present = content.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var removed = lockFile.Items
            .Where(p => !present.Contains(p.Key))
            .Select(p => new RemovedItem(p.Key, p.Value, lockFile.Deprecated.GetValueOrDefault(p.Key)))
            .ToList();
        return new LockDiff(states, removed, duplicates);
    }

    /// <summary>The lock entry that records <paramref name="item"/> as it is now.</summary>
    public static LockEntry EntryFor(PackContent content, PackItem item)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        return new LockEntry(item.Kind.ToString(), item.DisplayName, item.Version ?? string.Empty, LogicHash.Compute(item.Item), content.RelativePath(item.Item.FilePath));
    }

    private static ItemLockStatus StatusOf(PackItem item, LockEntry current, LockEntry? locked, LockFile lockFile)
    {
        if (lockFile.Deprecated.ContainsKey(item.Key))
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
