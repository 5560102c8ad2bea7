namespace SentinelAiPack.Build.Lock;

/// <summary>
/// <c>aipack.lock.json</c>: for every tracked item (keyed by its id, per <see cref="LockSection"/>) the version and logic
/// hash last locked, and for every removed item a deprecation entry saying why and what replaces it.
/// </summary>
public sealed record LockFile
{
    public const string FileName = "aipack.lock.json";
    public const int CurrentFormatVersion = 1;

    public static LockFile Empty { get; } = new();

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Analytics rules, hunting queries and parsers.</summary>
    public IReadOnlyDictionary<string, LockEntry> Items { get; init; } = NewSection();

    public IReadOnlyDictionary<string, LockEntry> Workbooks { get; init; } = NewSection();

    public IReadOnlyDictionary<string, LockEntry> Playbooks { get; init; } = NewSection();

    public IReadOnlyDictionary<string, LockEntry> AutomationRules { get; init; } = NewSection();

    public IReadOnlyDictionary<string, DeprecationEntry> Deprecated { get; init; } = new SortedDictionary<string, DeprecationEntry>(StringComparer.Ordinal);

    /// <summary>Number of locked entries in every section.</summary>
    public int Count => LockSections.All.Sum(s => Section(s).Count);

    public IReadOnlyDictionary<string, LockEntry> Section(LockSection section) => section switch
    {
        LockSection.Items => Items,
        LockSection.Workbooks => Workbooks,
        LockSection.Playbooks => Playbooks,
        LockSection.AutomationRules => AutomationRules,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>A lock file with the given sections (missing ones empty).</summary>
    public static LockFile From(IReadOnlyDictionary<LockSection, SortedDictionary<string, LockEntry>> sections, IReadOnlyDictionary<string, DeprecationEntry> deprecated)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(deprecated);
        return new LockFile
        {
            Items = sections.GetValueOrDefault(LockSection.Items) ?? NewSection(),
            Workbooks = sections.GetValueOrDefault(LockSection.Workbooks) ?? NewSection(),
            Playbooks = sections.GetValueOrDefault(LockSection.Playbooks) ?? NewSection(),
            AutomationRules = sections.GetValueOrDefault(LockSection.AutomationRules) ?? NewSection(),
            Deprecated = deprecated,
        };
    }

    private static SortedDictionary<string, LockEntry> NewSection() => new(StringComparer.Ordinal);
}

/// <param name="Kind">AnalyticRule, HuntingQuery, Parser, Workbook, Playbook or AutomationRule.</param>
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
