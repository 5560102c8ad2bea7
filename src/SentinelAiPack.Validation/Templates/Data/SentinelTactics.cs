namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>The 16 values of Sentinel's AttackTactic enum (ATT&CK Enterprise tactics plus two ICS tactics).</summary>
public static class SentinelTactics
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation",
        "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection", "Exfiltration",
        "CommandAndControl", "Impact", "ImpairProcessControl", "InhibitResponseFunction",
    ];

    private static readonly Dictionary<string, string> ByName = All.ToDictionary(t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of <paramref name="tactic"/> (enum names match case-insensitively), or null.</summary>
    public static string? Canonical(string? tactic) => tactic is not null && ByName.TryGetValue(tactic.Trim(), out var name) ? name : null;
}
