namespace SentinelAiPack.Build.Lock;

/// <summary>
/// The sections of the lock file, one per family of tracked things. <c>items</c> (rules, hunting queries, parsers) was
/// the only one at first; the others were added later, so a lock file without them still loads, and a tool that
/// predates them ignores them instead of taking their entries for removed items.
/// </summary>
public enum LockSection
{
    /// <summary>Analytics rules, hunting queries and parsers (<c>items</c>).</summary>
    Items,

    /// <summary>Workbook specs (<c>workbooks</c>).</summary>
    Workbooks,

    /// <summary>Enrichment playbooks (<c>playbooks</c>).</summary>
    Playbooks,

    /// <summary>Automation rules that run the playbooks (<c>automationRules</c>).</summary>
    AutomationRules,
}

public static class LockSections
{
    public static IReadOnlyList<LockSection> All { get; } = Enum.GetValues<LockSection>();

    /// <summary>The section's property name in the lock file.</summary>
    public static string JsonName(LockSection section) => section switch
    {
        LockSection.Items => "items",
        LockSection.Workbooks => "workbooks",
        LockSection.Playbooks => "playbooks",
        LockSection.AutomationRules => "automationRules",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
