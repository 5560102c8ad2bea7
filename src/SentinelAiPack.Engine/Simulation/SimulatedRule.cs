using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// An analytics rule as the simulator runs it: its schedule (when it runs and what each run reads), when a run alerts,
/// how results become alerts and alerts become incidents. Built from the rule file with Sentinel's defaults for what
/// the file leaves out; <see cref="From"/> says why a rule cannot be simulated.
/// </summary>
public sealed record SimulatedRule
{
    /// <summary>NRT rules run every minute over what was ingested in the preceding minute.</summary>
    public static readonly TimeSpan NearRealTimeInterval = TimeSpan.FromMinutes(1);

    public required string Name { get; init; }

    /// <summary>The rule file, as shown to the user.</summary>
    public required string FilePath { get; init; }

    public required bool IsNearRealTime { get; init; }

    /// <summary>How often the rule runs (<c>queryFrequency</c>; one minute for NRT).</summary>
    public required TimeSpan Frequency { get; init; }

    /// <summary>What each run reads (<c>queryPeriod</c>; one minute of ingestion time for NRT).</summary>
    public required TimeSpan Period { get; init; }

    public TriggerCondition Trigger { get; init; } = TriggerCondition.Default;

    /// <summary><c>suppressionDuration</c> when <c>suppressionEnabled</c>: no run for this long after a run that alerted.</summary>
    public TimeSpan? Suppression { get; init; }

    public EventGrouping EventGrouping { get; init; } = EventGrouping.SingleAlert;

    /// <summary>Alerts one run can raise: 150 for scheduled rules, 30 for NRT (the last one summarizes the rest).</summary>
    public int MaxAlertsPerRun => IsNearRealTime ? 30 : 150;

    public string Severity { get; init; } = "Medium";

    public AlertShape Shape { get; init; } = AlertShape.None;

    public IncidentSettings Incidents { get; init; } = new();

    /// <summary>The rule as the simulator runs it, or the reason it cannot (missing or invalid schedule fields).</summary>
    public static (SimulatedRule? Rule, string? Problem) From(AnalyticRule rule, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var name = rule.Name?.Value ?? rule.FileName;
        var nrt = rule.RuleKind == AnalyticRuleKind.NRT;
        if (rule.RuleKind is null)
        {
            return (null, $"kind '{rule.KindText?.Value}' is not Scheduled or NRT");
        }
        TimeSpan frequency, period;
        if (nrt)
        {
            frequency = period = NearRealTimeInterval;
        }
        else
        {
            if (rule.QueryFrequencyValue is not { } f || f <= TimeSpan.Zero)
            {
                return (null, "queryFrequency is missing or not a duration");
            }
            if (rule.QueryPeriodValue is not { } p || p <= TimeSpan.Zero)
            {
                return (null, "queryPeriod is missing or not a duration");
            }
            (frequency, period) = (f, p);
        }
        var trigger = TriggerCondition.Default;
        if (!nrt && rule.TriggerOperator is { } op)
        {
            if (TriggerCondition.ParseOperator(op.Value) is not { } parsed)
            {
                return (null, $"triggerOperator '{op.Value}' is not gt, lt, eq or ne");
            }
            trigger = new TriggerCondition(parsed, rule.TriggerThreshold?.Value ?? 0);
        }
        TimeSpan? suppression = null;
        if (rule.SuppressionEnabled?.Value == true)
        {
            if (rule.SuppressionDurationValue is not { } s || s <= TimeSpan.Zero)
            {
                return (null, "suppressionEnabled is true but suppressionDuration is missing or not a duration");
            }
            suppression = s;
        }
        var grouping = string.Equals(rule.EventGroupingSettings?.AggregationKind?.Value?.Trim(), "AlertPerResult", StringComparison.OrdinalIgnoreCase)
            ? EventGrouping.AlertPerResult
            : EventGrouping.SingleAlert;
        var (incidents, incidentProblem) = IncidentsOf(rule.IncidentConfiguration);
        if (incidentProblem is not null)
        {
            return (null, incidentProblem);
        }
        return (new SimulatedRule
        {
            Name = name,
            FilePath = displayPath,
            IsNearRealTime = nrt,
            Frequency = frequency,
            Period = period,
            Trigger = trigger,
            Suppression = suppression,
            EventGrouping = grouping,
            Severity = AlertSeverity.Normalize(rule.Severity?.Value) ?? "Medium",
            Shape = AlertShape.Of(rule),
            Incidents = incidents,
        }, null);
    }

    private static (IncidentSettings Settings, string? Problem) IncidentsOf(IncidentConfiguration? configuration)
    {
        if (configuration is null)
        {
            return (new IncidentSettings(), null);
        }
        var grouping = configuration.GroupingConfiguration;
        var settings = new IncidentSettings
        {
            CreateIncident = configuration.CreateIncident?.Value ?? true,
            GroupingEnabled = grouping?.Enabled?.Value ?? false,
            ByEntities = Strings(grouping?.GroupByEntities),
            ByAlertDetails = Strings(grouping?.GroupByAlertDetails),
            ByCustomDetails = Strings(grouping?.GroupByCustomDetails),
        };
        if (grouping?.LookbackDuration?.Value is { } lookbackText)
        {
            if (!SentinelDuration.TryParse(lookbackText, out var lookback, out _) || lookback <= TimeSpan.Zero)
            {
                return (settings, $"groupingConfiguration.lookbackDuration '{lookbackText}' is not a duration");
            }
            settings = settings with { Lookback = lookback };
        }
        if (grouping?.MatchingMethod?.Value is { } method)
        {
            IncidentMatching? matching = method.Trim().ToLowerInvariant() switch
            {
                "allentities" => IncidentMatching.AllEntities,
                "anyalert" => IncidentMatching.AnyAlert,
                "selected" => IncidentMatching.Selected,
                _ => null,
            };
            if (matching is null)
            {
                return (settings, $"groupingConfiguration.matchingMethod '{method}' is not AllEntities, AnyAlert or Selected");
            }
            settings = settings with { Matching = matching.Value };
        }
        return (settings, null);
    }

    private static IReadOnlyList<string> Strings(Located<IReadOnlyList<Located<string>>>? list) =>
        list?.Value.Select(v => v.Value).Where(v => v.Length > 0).ToList() ?? [];
}

/// <summary>Alert severities in Sentinel's order.</summary>
public static class AlertSeverity
{
    public static readonly IReadOnlyList<string> All = ["High", "Medium", "Low", "Informational"];

    /// <summary>The severity spelled as Sentinel does, or null when the text is not one.</summary>
    public static string? Normalize(string? text) =>
        All.FirstOrDefault(s => string.Equals(s, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>0 for High ... 3 for Informational.</summary>
    public static int Rank(string severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == severity)
            {
                return i;
            }
        }
        return All.Count;
    }

    /// <summary>Medium or High: what the noise budget and false-positive rates count.</summary>
    public static bool IsMediumOrAbove(string severity) => severity is "High" or "Medium";
}
