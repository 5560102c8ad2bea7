using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>
/// The build's gate: the lock file must describe the content exactly (rules, hunting queries, parsers, workbooks,
/// playbooks, automation rules). An item whose logic changed without a version
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
        var diagnostics = new List<Diagnostic>(diff.Problems);
        diagnostics.AddRange(diff.DuplicateKeys.Select(d => LockMessages.Duplicate(d, lockPath)));
        foreach (var state in diff.Items)
        {
            Diagnostic? finding = state.Status switch
            {
                ItemLockStatus.ChangedWithoutVersion => LockMessages.ChangedWithoutVersion(state, lockPath),
                ItemLockStatus.VersionLowered => LockMessages.VersionLowered(state, lockPath),
                ItemLockStatus.VersionInvalid => LockMessages.VersionInvalid(state, lockPath),
                ItemLockStatus.Deprecated => LockMessages.DeprecatedPresent(state, lockPath),
                ItemLockStatus.New => LockMessages.NotLocked(state, lockPath),
                ItemLockStatus.VersionRaised => LockMessages.LockOutOfDate(state, lockPath),
                _ => null,
            };
            if (finding is not null)
            {
                diagnostics.Add(finding);
            }
        }
        diagnostics.AddRange(diff.Removed.Where(r => r.Deprecation is null).Select(r => LockMessages.RemovedWithoutDeprecation(r, lockPath)));
        diagnostics.AddRange(DeprecationProblems(diff, lockFile, lockFile.Deprecated, lockPath));
        return diagnostics;
    }

    /// <summary>Deprecation entries without a reason, or naming a replacement that is no present, locked or deprecated item.</summary>
    public static IEnumerable<Diagnostic> DeprecationProblems(
        LockDiff diff, LockFile lockFile, IReadOnlyDictionary<string, DeprecationEntry> deprecated, string lockPath)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(deprecated);
        var known = diff.Items.Select(i => i.Subject.Key)
            .Concat(LockSections.All.SelectMany(s => lockFile.Section(s).Keys))
            .Concat(deprecated.Keys)
            .ToHashSet(StringComparer.Ordinal);
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
