using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build.Lock;

/// <summary>The findings about one item or removed item, worded the same for <c>aipack build</c> and <c>aipack lock</c>.</summary>
internal static class LockMessages
{
    public static Diagnostic ChangedWithoutVersion(ItemLockState state) =>
        AtVersion(state, BuildCodes.LogicChangedWithoutVersion,
            $"'{state.Item.DisplayName}' ({state.Item.Key}): its query or logic changed since version {state.Locked!.Version} was locked, but its version is still {state.Current.Version}. " +
            $"Raise version (e.g. to {ItemVersion.Parse(state.Current.Version)!.NextPatch}) and run 'aipack lock'.");

    public static Diagnostic VersionLowered(ItemLockState state) =>
        AtVersion(state, BuildCodes.VersionLowered,
            $"'{state.Item.DisplayName}' ({state.Item.Key}): version {state.Current.Version} is lower than the locked version {state.Locked!.Version}; versions never go down.");

    public static Diagnostic VersionInvalid(ItemLockState state) =>
        AtVersion(state, BuildCodes.VersionInvalid,
            $"'{state.Item.DisplayName}' ({state.Item.Key}): version '{state.Current.Version}' is not x.y.z (all numbers); the lock cannot track it.");

    public static Diagnostic DeprecatedPresent(ItemLockState state, string lockPath) =>
        AtVersion(state, BuildCodes.DeprecatedItemPresent,
            $"'{state.Item.DisplayName}' ({state.Item.Key}) is deprecated in {Path.GetFileName(lockPath)} but present again; give it a new id, or delete its deprecation entry.");

    public static Diagnostic Duplicate(IReadOnlyList<PackItem> items) =>
        BuildCodes.DuplicateKey.Create(items[1].Item.FilePath, items[1].Item.Id?.Span ?? new SourceSpan(1, 1),
            $"'{items[1].DisplayName}' has the same id ({items[1].Key}) as '{items[0].DisplayName}' ({items[0].Item.FilePath}); ids must be unique.");

    public static Diagnostic RemovedWithoutDeprecation(RemovedItem removed, string lockPath) =>
        BuildCodes.RemovedWithoutDeprecation.Create(lockPath, SourceSpan.Unknown,
            $"'{removed.Locked.Name}' ({removed.Key}, {removed.Locked.File}) was removed. Record why: " +
            $"aipack lock --deprecate {removed.Key} --reason \"...\" [--replacement <id>].");

    private static Diagnostic AtVersion(ItemLockState state, DiagnosticDescriptor code, string message)
    {
        var span = (state.Item.Item as DetectionTemplate)?.Version?.Span
            ?? (state.Item.Item as ParserFunction)?.Version?.Span
            ?? new SourceSpan(1, 1);
        return code.Create(state.Item.Item.FilePath, span, message);
    }
}
