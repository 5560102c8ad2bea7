namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>How imported attempts are laid out in time and whom they are attributed to.</summary>
public sealed record RedTeamImportOptions
{
    /// <summary>Default start: a fixed time, so the same input gives the same tables.</summary>
    public static readonly DateTime DefaultFrom = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Default gap between two attempts' sessions when no end is given.</summary>
    public static readonly TimeSpan DefaultSpacing = TimeSpan.FromMinutes(2);

    /// <summary>When the first session starts.</summary>
    public DateTime From { get; init; } = DefaultFrom;

    /// <summary>When the last session starts; null spaces sessions <see cref="DefaultSpacing"/> apart.</summary>
    public DateTime? To { get; init; }

    /// <summary>Add the verdict a classifier (Prompt Shields) would log: an attack finding for attacks, a clean one otherwise.</summary>
    public bool WithVerdict { get; init; }

    /// <summary>One user for every session (a red-team identity); null gives each session its own user, so no rule adds attempts up.</summary>
    public string? User { get; init; }

    public string AppName { get; init; } = "redteam-target-app";
}
