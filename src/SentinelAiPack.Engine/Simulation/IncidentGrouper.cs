namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Groups a rule's alerts (in time order) into incidents as Sentinel's alert grouping does: without grouping every
/// alert opens its own incident; with it, an alert joins the newest open incident of the rule whose key matches, whose
/// first alert is at most the lookback duration older, and that holds fewer than 150 alerts; otherwise it opens a new
/// incident. The key is empty for AnyAlert, every entity for AllEntities, and for Selected the values of the selected
/// entity types, alert details (DisplayName, Severity) and custom details. An incident's severity is the highest of
/// its alerts (the simulator's choice: a later High alert in a grouped incident is not hidden).
/// </summary>
public static class IncidentGrouper
{
    public static IReadOnlyList<SimulatedIncident> Group(IncidentSettings settings, IEnumerable<SimulatedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(alerts);
        if (!settings.CreateIncident)
        {
            return [];
        }
        var open = new List<(string Key, DateTime First, List<SimulatedAlert> Alerts)>();
        foreach (var alert in alerts)
        {
            var key = settings.GroupingEnabled ? Key(settings, alert) : null;
            var target = key is null ? -1 : open.FindLastIndex(i =>
                i.Key == key && alert.Time - i.First <= settings.Lookback && i.Alerts.Count < IncidentSettings.MaxAlertsPerIncident);
            if (target >= 0)
            {
                open[target].Alerts.Add(alert);
            }
            else
            {
                open.Add((key ?? "", alert.Time, [alert]));
            }
        }
        return open.Select(i => new SimulatedIncident(i.First,
            i.Alerts.MinBy(a => AlertSeverity.Rank(a.Severity))!.Severity, i.Alerts[0].DisplayName, i.Alerts)).ToList();
    }

    /// <summary>What two alerts must share to be grouped.</summary>
    public static string Key(IncidentSettings settings, SimulatedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(alert);
        switch (settings.Matching)
        {
            case IncidentMatching.AnyAlert:
                return "";
            case IncidentMatching.AllEntities:
                return Join(alert.Entities.Select(Text));
            default:
                var parts = new List<string>();
                foreach (var type in settings.ByEntities)
                {
                    parts.Add("e:" + type + "=" + Join(alert.Entities.Where(e => string.Equals(e.EntityType, type, StringComparison.OrdinalIgnoreCase)).Select(Text)));
                }
                foreach (var detail in settings.ByAlertDetails)
                {
                    parts.Add("a:" + detail + "=" + (detail.Equals("Severity", StringComparison.OrdinalIgnoreCase) ? alert.Severity : alert.DisplayName));
                }
                foreach (var detail in settings.ByCustomDetails)
                {
                    parts.Add("c:" + detail + "=" + Join(alert.CustomDetails.GetValueOrDefault(detail) ?? []));
                }
                return string.Join("\u001f", parts);
        }
    }

    private static string Text(AlertEntity e) => e.EntityType + "." + e.Identifier + "=" + e.Value.ToLowerInvariant();

    private static string Join(IEnumerable<string> values) => string.Join("\u001e", values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
