using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>
/// The build's gate: the lock file must describe the content exactly. An item whose logic changed without a version
/// bump fails naming it; so does a version bump not yet locked, a new item not yet locked, a lowered version and a
/// removed item without a deprecation entry.
/// </summary>
public static class LockCheck
{
    public static IReadOnlyList<Diagnostic> Check(PackContent content, LockFile lockFile, string lockPath)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(lockFile);
        var diff = LockComparison.Compare(content, lockFile);
        var diagnostics = new List<Diagnostic>();
        diagnostics.AddRange(diff.DuplicateKeys.Select(LockMessages.Duplicate));
        foreach (var state in diff.Items)
        {
            var item = state.Item;
            switch (state.Status)
            {
                case ItemLockStatus.ChangedWithoutVersion:
                    diagnostics.Add(LockMessages.ChangedWithoutVersion(state));
                    break;
                case ItemLockStatus.VersionLowered:
                    diagnostics.Add(LockMessages.VersionLowered(state));
                    break;
                case ItemLockStatus.VersionInvalid:
                    diagnostics.Add(LockMessages.VersionInvalid(state));
                    break;
                case ItemLockStatus.Deprecated:
                    diagnostics.Add(LockMessages.DeprecatedPresent(state, lockPath));
                    break;
                case ItemLockStatus.New:
                    diagnostics.Add(BuildCodes.NotLocked.Create(item.Item.FilePath, item.Item.Id?.Span ?? new SourceSpan(1, 1),
                        $"'{item.DisplayName}' ({item.Key}) is not in {Path.GetFileName(lockPath)}; run 'aipack lock' and commit the lock file."));
                    break;
                case ItemLockStatus.VersionRaised:
                    diagnostics.Add(BuildCodes.LockOutOfDate.Create(item.Item.FilePath, new SourceSpan(1, 1),
                        $"'{item.DisplayName}' ({item.Key}) is version {state.Current.Version} but {Path.GetFileName(lockPath)} records {state.Locked!.Version}; run 'aipack lock' and commit the lock file."));
                    break;
            }
        }
        diagnostics.AddRange(diff.Removed.Where(r => r.Deprecation is null).Select(r => LockMessages.RemovedWithoutDeprecation(r, lockPath)));
        diagnostics.AddRange(DeprecationProblems(content, lockFile, lockFile.Deprecated, lockPath));
        return diagnostics;
    }

    /// <summary>Deprecation entries without a reason, or naming a replacement that is no present, locked or deprecated item.</summary>
    public static IEnumerable<Diagnostic> DeprecationProblems(
        PackContent content, LockFile lockFile, IReadOnlyDictionary<string, DeprecationEntry> deprecated, string lockPath)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(deprecated);
        var known = content.Items.Select(i => i.Key).Concat(lockFile.Items.Keys).Concat(deprecated.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in deprecated)
        {
            if (string.IsNullOrWhiteSpace(entry.Reason))
            {
                yield return BuildCodes.DeprecationIncomplete.Create(lockPath, SourceSpan.Unknown, $"The deprecation entry of '{entry.Name}' ({key}) needs a reason.");
            }
            if (entry.Replacement is { } replacement && !known.Contains(replacement))
            {
                yield return BuildCodes.DeprecationIncomplete.Create(lockPath, SourceSpan.Unknown,
                    $"The deprecation entry of '{entry.Name}' ({key}) names replacement '{replacement}', which is no item of the pack.");
            }
        }
    }
}
