using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>The findings about one item or removed item, worded the same for <c>aipack build</c> and <c>aipack lock</c>.</summary>
internal static class LockMessages
{
    public static Diagnostic ChangedWithoutVersion(ItemLockState state, string lockPath) =>
        AtVersion(state, lockPath, BuildCodes.LogicChangedWithoutVersion,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}): its query or logic changed since version {state.Locked!.Version} was locked, but its version is still {state.Current.Version}. " +
            $"{state.Subject.HowToRaise} (e.g. to {ItemVersion.Parse(state.Current.Version)!.NextPatch}) and run 'aipack lock'.");

    public static Diagnostic VersionLowered(ItemLockState state, string lockPath) =>
        AtVersion(state, lockPath, BuildCodes.VersionLowered,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}): version {state.Current.Version} is lower than the locked version {state.Locked!.Version}; versions never go down.");

    public static Diagnostic VersionInvalid(ItemLockState state, string lockPath) =>
        AtVersion(state, lockPath, BuildCodes.VersionInvalid,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}): version '{state.Current.Version}' is not x.y.z (all numbers); the lock cannot track it.");

    public static Diagnostic DeprecatedPresent(ItemLockState state, string lockPath) =>
        AtVersion(state, lockPath, BuildCodes.DeprecatedItemPresent,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}) is deprecated in {Path.GetFileName(lockPath)} but present again; give it a new id, or delete its deprecation entry.");

    public static Diagnostic NotLocked(ItemLockState state, string lockPath) =>
        BuildCodes.NotLocked.Create(state.Subject.SourcePath ?? lockPath, state.Subject.KeySpan,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}) is not in {Path.GetFileName(lockPath)}; run 'aipack lock' and commit the lock file.");

    public static Diagnostic LockOutOfDate(ItemLockState state, string lockPath) =>
        AtVersion(state, lockPath, BuildCodes.LockOutOfDate,
            $"'{state.Subject.DisplayName}' ({state.Subject.Key}) is version {state.Current.Version} but {Path.GetFileName(lockPath)} records {state.Locked!.Version}; run 'aipack lock' and commit the lock file.");

    public static Diagnostic Duplicate(IReadOnlyList<LockSubject> subjects, string lockPath) =>
        BuildCodes.DuplicateKey.Create(subjects[1].SourcePath ?? lockPath, subjects[1].KeySpan,
            $"'{subjects[1].DisplayName}' has the same id ({subjects[1].Key}) as '{subjects[0].DisplayName}' ({subjects[0].Entry.File}); ids must be unique.");

    public static Diagnostic RemovedWithoutDeprecation(RemovedItem removed, string lockPath) =>
        BuildCodes.RemovedWithoutDeprecation.Create(lockPath, SourceSpan.Unknown,
            $"'{removed.Locked.Name}' ({removed.Key}, {removed.Locked.File}) was removed. Record why: " +
            $"aipack lock --deprecate {removed.Key} --reason \"...\" [--replacement <id>].");

    private static Diagnostic AtVersion(ItemLockState state, string lockPath, DiagnosticDescriptor code, string message) =>
        code.Create(state.Subject.SourcePath ?? lockPath, state.Subject.VersionSpan, message);
}
