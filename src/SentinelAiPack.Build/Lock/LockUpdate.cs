using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>A removed item to record as deprecated (<c>aipack lock --deprecate ID --reason … --replacement …</c>).</summary>
public sealed record Deprecation(string Key, string Reason, string? Replacement);

/// <summary>What <c>aipack lock</c> may do beyond recording bumped and new items.</summary>
public sealed record LockUpdateOptions
{
    /// <summary>
    /// Record items whose logic changed without a version bump anyway (e.g. adopting the lock on existing content, or
    /// a change the hash sees but that changes no behaviour). Never accepts a lowered version.
    /// </summary>
    public bool Force { get; init; }

    public IReadOnlyList<Deprecation> Deprecations { get; init; } = [];
}

/// <summary>One line of what the update did.</summary>
public sealed record LockChange(string Key, string Name, string What);

/// <summary>The new lock file (null when the update was refused), the reasons for refusing, and the changes made.</summary>
public sealed record LockUpdateResult(LockFile? LockFile, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<LockChange> Changes)
{
    public bool Refused => LockFile is null;
}

/// <summary>
/// <c>aipack lock</c>: records every tracked item's current version and logic hash, each in its section. Refuses, naming the item, when logic
/// changed without a version bump (unless forced), when a version went down, when a version is not x.y.z, and when a
/// locked item disappeared without a deprecation entry. Deprecated items move from <c>items</c> to <c>deprecated</c>.
/// </summary>
public static class LockUpdate
{
    public static LockUpdateResult Apply(PackContent content, LockFile existing, string lockPath, LockUpdateOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(options);
        var diff = LockComparison.Compare(content, existing);
        var diagnostics = new List<Diagnostic>(diff.Problems);
        var changes = new List<LockChange>();
        diagnostics.AddRange(diff.DuplicateKeys.Select(d => LockMessages.Duplicate(d, lockPath)));
        var sections = LockSections.All.ToDictionary(s => s, _ => new SortedDictionary<string, LockEntry>(StringComparer.Ordinal));
        foreach (var state in diff.Items)
        {
            switch (state.Status)
            {
                case ItemLockStatus.VersionLowered:
                    diagnostics.Add(LockMessages.VersionLowered(state, lockPath));
                    continue;
                case ItemLockStatus.VersionInvalid:
                    diagnostics.Add(LockMessages.VersionInvalid(state, lockPath));
                    continue;
                case ItemLockStatus.Deprecated:
                    diagnostics.Add(LockMessages.DeprecatedPresent(state, lockPath));
                    continue;
                case ItemLockStatus.ChangedWithoutVersion when !options.Force:
                    diagnostics.Add(LockMessages.ChangedWithoutVersion(state, lockPath));
                    continue;
                case ItemLockStatus.ChangedWithoutVersion:
                    changes.Add(new LockChange(state.Subject.Key, state.Subject.DisplayName, $"logic changed, forced at version {state.Current.Version}"));
                    break;
                case ItemLockStatus.New:
                    changes.Add(new LockChange(state.Subject.Key, state.Subject.DisplayName, $"added at version {state.Current.Version}"));
                    break;
                case ItemLockStatus.VersionRaised:
                    changes.Add(new LockChange(state.Subject.Key, state.Subject.DisplayName,
                        $"{state.Locked!.Version} -> {state.Current.Version}" + (state.Current.Hash == state.Locked.Hash ? " (logic unchanged)" : string.Empty)));
                    break;
            }
            sections[state.Subject.Section][state.Subject.Key] = state.Current;
        }

        var deprecated = new SortedDictionary<string, DeprecationEntry>(existing.Deprecated.ToDictionary(), StringComparer.Ordinal);
        var removedKeys = diff.Removed.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var request in options.Deprecations)
        {
            if (!removedKeys.TryGetValue(request.Key, out var removed))
            {
                diagnostics.Add(BuildCodes.DeprecationIncomplete.Create(lockPath, SourceSpan.Unknown,
                    diff.Items.Any(i => i.Subject.Key == request.Key)
                        ? $"'{request.Key}' is still in the content; delete its file before deprecating it."
                        : $"'{request.Key}' is not a locked item; --deprecate takes the id of an item removed since the last lock."));
                continue;
            }
            deprecated[request.Key] = new DeprecationEntry(removed.Locked.Name, removed.Locked.Version, request.Reason.Trim(), request.Replacement?.Trim() is { Length: > 0 } r ? r : null);
            changes.Add(new LockChange(request.Key, removed.Locked.Name, "deprecated: " + request.Reason.Trim()));
        }
        foreach (var removed in diff.Removed.Where(r => !deprecated.ContainsKey(r.Key)))
        {
            diagnostics.Add(LockMessages.RemovedWithoutDeprecation(removed, lockPath));
        }
        var updated = LockFile.From(sections, deprecated);
        diagnostics.AddRange(LockCheck.DeprecationProblems(diff, existing, deprecated, lockPath));
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new LockUpdateResult(null, diagnostics, changes)
            : new LockUpdateResult(updated, diagnostics, changes);
    }
}
