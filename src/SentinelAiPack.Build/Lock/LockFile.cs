namespace SentinelAiPack.Build.Lock;

/// <summary>
/// <c>aipack.lock.json</c>: for every item (keyed by its id) the version and logic hash last locked, and for every
/// removed item a deprecation entry saying why and what replaces it.
/// </summary>
public sealed record LockFile
{
    public const string FileName = "aipack.lock.json";
    public const int CurrentFormatVersion = 1;

    public static LockFile Empty { get; } = new();

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public IReadOnlyDictionary<string, LockEntry> Items { get; init; } = new SortedDictionary<string, LockEntry>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DeprecationEntry> Deprecated { get; init; } = new SortedDictionary<string, DeprecationEntry>(StringComparer.Ordinal);
}

/// <param name="Kind">AnalyticRule, HuntingQuery or Parser.</param>
/// <param name="Name">Display name when locked (for messages about removed items).</param>
/// <param name="Version">Version when locked (x.y.z).</param>
/// <param name="Hash"><c>sha256:&lt;hex&gt;</c> of the item's normalized logic (see <see cref="LogicHash"/>).</param>
/// <param name="File">The item's file, relative to the content root.</param>
public sealed record LockEntry(string Kind, string Name, string Version, string Hash, string File);

/// <param name="Name">Display name of the removed item.</param>
/// <param name="LastVersion">Its last locked version.</param>
/// <param name="Reason">Why it was removed.</param>
/// <param name="Replacement">Id of the item that replaces it, or null when nothing does.</param>
public sealed record DeprecationEntry(string Name, string LastVersion, string Reason, string? Replacement);
