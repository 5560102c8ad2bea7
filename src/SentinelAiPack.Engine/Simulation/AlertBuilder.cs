namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Turns the rows of a run that met its trigger into alerts, as Sentinel's event grouping does: SingleAlert makes one
/// alert summarizing every row; AlertPerResult one alert per row, and when there are more rows than the per-run limit
/// (150, NRT 30) the first limit-1 rows get their own alert and the last alert summarizes all rows. An alert's
/// severity is the rule's, or the value of alertDetailsOverride.alertSeverityColumnName when that is a severity; its
/// display name renders alertDisplayNameFormat. A summarizing alert takes both from its first row.
/// </summary>
public static class AlertBuilder
{
    public static IReadOnlyList<SimulatedAlert> Build(SimulatedRule rule, DateTime time, RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(output);
        var rows = output.Rows;
        if (rows.Count == 0)
        {
            // A trigger such as "fewer than 5 results" can be met by no rows: one alert without events.
            return [Alert(rule, time, output, [], summary: false)];
        }
        if (rule.EventGrouping == EventGrouping.SingleAlert)
        {
            return [Alert(rule, time, output, rows, summary: false)];
        }
        var limit = rule.MaxAlertsPerRun;
        if (rows.Count <= limit)
        {
            return rows.Select(r => Alert(rule, time, output, [r], summary: false)).ToList();
        }
        var alerts = rows.Take(limit - 1).Select(r => Alert(rule, time, output, [r], summary: false)).ToList();
        alerts.Add(Alert(rule, time, output, rows, summary: true));
        return alerts;
    }

    private static SimulatedAlert Alert(SimulatedRule rule, DateTime time, RunOutput output, IReadOnlyList<string?[]> rows, bool summary)
    {
        var shape = rule.Shape;
        var first = rows.Count > 0 ? rows[0] : null;
        string? Value(string column)
        {
            var index = output.IndexOf(column);
            return first is null || index < 0 ? null : first[index];
        }
        var severity = shape.SeverityColumn is { } column && AlertSeverity.Normalize(Value(column)) is { } dynamic ? dynamic : rule.Severity;
        var entities = new List<AlertEntity>();
        foreach (var mapping in shape.Entities)
        {
            foreach (var (identifier, entityColumn) in mapping.Fields)
            {
                var index = output.IndexOf(entityColumn);
                if (index < 0)
                {
                    continue;
                }
                foreach (var value in rows.Select(r => r[index]).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal))
                {
                    entities.Add(new AlertEntity(mapping.EntityType, identifier, value!));
                }
            }
        }
        var details = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, detailColumn) in shape.CustomDetails)
        {
            var index = output.IndexOf(detailColumn);
            details[key] = index < 0 ? [] : rows.Select(r => r[index] ?? "").Distinct(StringComparer.Ordinal).ToList();
        }
        return new SimulatedAlert
        {
            Time = time,
            Severity = severity,
            DisplayName = shape.RenderDisplayName(rule.Name, Value),
            Entities = entities,
            CustomDetails = details,
            Rows = rows,
            IsSummary = summary,
        };
    }
}
