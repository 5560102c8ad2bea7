namespace SentinelAiPack.Engine.Simulation;

/// <summary>One entity of an alert: its type, the identifier and the value taken from a mapped column.</summary>
public sealed record AlertEntity(string EntityType, string Identifier, string Value);

/// <summary>An alert a run would have raised.</summary>
public sealed record SimulatedAlert
{
    public required DateTime Time { get; init; }

    public required string Severity { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<AlertEntity> Entities { get; init; } = [];

    /// <summary>Custom details: key → the distinct values of its column over the alert's rows.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CustomDetails { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The result rows this alert summarizes (one for AlertPerResult, all for SingleAlert and the summary alert).</summary>
    public IReadOnlyList<string?[]> Rows { get; init; } = [];

    /// <summary>True for the last alert of a run that had more results than the per-run limit: it summarizes them all.</summary>
    public bool IsSummary { get; init; }
}

/// <summary>What happened at one scheduled time.</summary>
public enum RunOutcome
{
    /// <summary>The query ran and the trigger condition was not met.</summary>
    Silent,

    /// <summary>The query ran and raised alerts.</summary>
    Alerted,

    /// <summary>The rule did not run: an earlier run's alert started suppression.</summary>
    Suppressed,

    /// <summary>The query failed (see <see cref="SimulatedRun.Error"/>).</summary>
    Failed,
}

public sealed record SimulatedRun(RunWindow Window, RunOutcome Outcome, int Rows, IReadOnlyList<SimulatedAlert> Alerts)
{
    public string? Error { get; init; }

    public DateTime Time => Window.Now;
}

/// <summary>An incident the rule's alerts would have created, with the alerts grouped into it.</summary>
public sealed record SimulatedIncident(DateTime Created, string Severity, string Title, IReadOnlyList<SimulatedAlert> Alerts);

/// <summary>Everything one rule would have done over the range.</summary>
public sealed record RuleSimulation(SimulatedRule Rule, IReadOnlyList<SimulatedRun> Runs, IReadOnlyList<SimulatedIncident> Incidents)
{
    /// <summary>Wall time to prepare the rule (compile or rewrite its query) and to run its schedule.</summary>
    public (TimeSpan Prepare, TimeSpan Runs) Elapsed { get; init; }

    public IEnumerable<SimulatedAlert> Alerts => Runs.SelectMany(r => r.Alerts);

    public int AlertCount => Runs.Sum(r => r.Alerts.Count);

    public int Count(RunOutcome outcome) => Runs.Count(r => r.Outcome == outcome);

    public int AlertsOf(string severity) => Alerts.Count(a => a.Severity == severity);

    public int MediumOrAboveAlerts => Alerts.Count(a => AlertSeverity.IsMediumOrAbove(a.Severity));
}

/// <summary>A rule the simulator could not run (it does not compile, or its schedule is invalid), with the reason.</summary>
public sealed record SkippedRule(string Name, string FilePath, string Reason);

/// <summary>A whole simulation: the range, what each rule did, the rules it could not run and the sessions in the data.</summary>
public sealed record SimulationReport(DateTime From, DateTime To, IReadOnlyList<RuleSimulation> Rules, IReadOnlyList<SkippedRule> Skipped)
{
    /// <summary>Distinct sessions with activity in the range (null when unknown, e.g. workspace mode).</summary>
    public long? Sessions { get; init; }

    /// <summary>Where the data came from (a folder, a workspace), for the report header.</summary>
    public string? Source { get; init; }

    /// <summary>Medium-or-above alerts per 10,000 sessions, or null without sessions.</summary>
    public double? PerTenThousandSessions(int alerts) => Sessions is > 0 ? alerts * 10_000.0 / Sessions.Value : null;
}
