using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>
/// Something the version lock tracks, as it is now: a rule, hunting query or parser, a workbook, a playbook or an
/// automation rule. <see cref="SourcePath"/> and the spans are where findings about it point.
/// </summary>
/// <param name="Section">The lock file section it is recorded in.</param>
/// <param name="Key">Its id (lock key).</param>
/// <param name="Entry">The lock entry that records it as it is now.</param>
/// <param name="SourcePath">The file findings name (the item's file, the workbook spec, the generated template); null
/// when there is none in the content (a generated template not written to <c>playbooks/</c>): findings name the lock file.</param>
public sealed record LockSubject(LockSection Section, string Key, LockEntry Entry, string? SourcePath)
{
    public string DisplayName => Entry.Name;

    /// <summary>Where the id is written (new-item findings).</summary>
    public SourceSpan KeySpan { get; init; } = new(1, 1);

    /// <summary>Where the version is written (version findings).</summary>
    public SourceSpan VersionSpan { get; init; } = new(1, 1);

    /// <summary>How to raise the version, for the message of a logic change without a bump.</summary>
    public string HowToRaise { get; init; } = "Raise version";
}
