namespace SentinelAiPack.Engine.Simulation;

/// <summary>How alerts become incidents (<c>incidentConfiguration</c>), with Sentinel's defaults for what a rule leaves out.</summary>
public sealed record IncidentSettings
{
    /// <summary>Sentinel's default grouping time frame: alerts up to 5 hours after an incident's first alert join it.</summary>
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromHours(5);

    /// <summary>At most this many alerts go into one incident; the next one opens a new incident.</summary>
    public const int MaxAlertsPerIncident = 150;

    /// <summary><c>createIncident</c> (default true).</summary>
    public bool CreateIncident { get; init; } = true;

    /// <summary><c>groupingConfiguration.enabled</c> (default false: one incident per alert).</summary>
    public bool GroupingEnabled { get; init; }

    public TimeSpan Lookback { get; init; } = DefaultLookback;

    public IncidentMatching Matching { get; init; } = IncidentMatching.AllEntities;

    /// <summary>Entity types that must match (<c>groupByEntities</c>, Selected only).</summary>
    public IReadOnlyList<string> ByEntities { get; init; } = [];

    /// <summary>Alert details that must match: DisplayName, Severity (<c>groupByAlertDetails</c>, Selected only).</summary>
    public IReadOnlyList<string> ByAlertDetails { get; init; } = [];

    /// <summary>Custom detail keys that must match (<c>groupByCustomDetails</c>, Selected only).</summary>
    public IReadOnlyList<string> ByCustomDetails { get; init; } = [];

    public override string ToString()
    {
        if (!CreateIncident)
        {
            return "no incidents";
        }
        if (!GroupingEnabled)
        {
            return "one incident per alert";
        }
        var by = Matching switch
        {
            IncidentMatching.AnyAlert => "all alerts",
            IncidentMatching.AllEntities => "all entities",
            _ => string.Join(", ", ByEntities.Concat(ByAlertDetails).Concat(ByCustomDetails.Select(c => "custom " + c))),
        };
        return $"grouped by {by} within {Durations.Format(Lookback)}";
    }
}

/// <summary><c>matchingMethod</c>.</summary>
public enum IncidentMatching
{
    /// <summary>Alerts whose mapped entities are all identical share an incident.</summary>
    AllEntities,

    /// <summary>Every alert of the rule in the time frame shares one incident.</summary>
    AnyAlert,

    /// <summary>Alerts whose selected entities, alert details and custom details match share an incident.</summary>
    Selected,
}

/// <summary><c>eventGroupingSettings.aggregationKind</c>.</summary>
public enum EventGrouping
{
    /// <summary>One alert per run that triggers, summarizing every result row (Sentinel's default).</summary>
    SingleAlert,

    /// <summary>One alert per result row, up to the per-run limit (the last one summarizes the rest).</summary>
    AlertPerResult,
}
