using System.Text.Encodings.Web;
using System.Text.Json;

namespace SentinelAiPack.Engine.Simulation.Reporting;

/// <summary>
/// The whole simulation as JSON: the range, sessions, and per rule its schedule, totals, every run (time, window,
/// outcome, rows, alerts with severity, name, entities and custom details) and the incidents.
/// </summary>
public sealed class JsonSimulationWriter : ISimulationWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Default };

    public void Write(SimulationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var document = new
        {
            from = TextSimulationWriter.Time(report.From),
            to = TextSimulationWriter.Time(report.To),
            source = report.Source,
            sessions = report.Sessions,
            totals = Totals(report.Rules.SelectMany(r => r.Alerts).ToList(), report.Rules.Sum(r => r.Incidents.Count), report),
            rules = report.Rules.Select(r => new
            {
                name = r.Rule.Name,
                file = r.Rule.FilePath,
                schedule = new
                {
                    kind = r.Rule.IsNearRealTime ? "NRT" : "Scheduled",
                    frequency = Durations.Format(r.Rule.Frequency),
                    period = Durations.Format(r.Rule.Period),
                    trigger = r.Rule.Trigger.ToString(),
                    suppression = r.Rule.Suppression is { } s ? Durations.Format(s) : null,
                    eventGrouping = r.Rule.EventGrouping.ToString(),
                    incidents = r.Rule.Incidents.ToString(),
                },
                runs = r.Runs.Count,
                alerted = r.Count(RunOutcome.Alerted),
                suppressed = r.Count(RunOutcome.Suppressed),
                failed = r.Count(RunOutcome.Failed),
                totals = Totals(r.Alerts.ToList(), r.Incidents.Count, report),
                runDetails = r.Runs.Select(run => new
                {
                    time = TextSimulationWriter.Time(run.Time),
                    windowStart = TextSimulationWriter.Time(run.Window.Start),
                    outcome = run.Outcome.ToString().ToLowerInvariant(),
                    rows = run.Rows,
                    error = run.Error,
                    alerts = run.Alerts.Select(a => new
                    {
                        severity = a.Severity,
                        name = a.DisplayName,
                        events = a.Rows.Count,
                        summary = a.IsSummary,
                        entities = a.Entities.Select(e => new { type = e.EntityType, identifier = e.Identifier, value = e.Value }),
                        customDetails = a.CustomDetails,
                    }),
                }),
                incidents = r.Incidents.Select(i => new
                {
                    created = TextSimulationWriter.Time(i.Created),
                    severity = i.Severity,
                    title = i.Title,
                    alerts = i.Alerts.Count,
                }),
            }),
            skipped = report.Skipped.Select(s => new { name = s.Name, file = s.FilePath, reason = s.Reason }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    private static object Totals(IReadOnlyList<SimulatedAlert> alerts, int incidents, SimulationReport report)
    {
        var mediumOrAbove = alerts.Count(a => AlertSeverity.IsMediumOrAbove(a.Severity));
        return new
        {
            alerts = alerts.Count,
            high = alerts.Count(a => a.Severity == "High"),
            medium = alerts.Count(a => a.Severity == "Medium"),
            low = alerts.Count(a => a.Severity == "Low"),
            informational = alerts.Count(a => a.Severity == "Informational"),
            incidents,
            mediumOrAbovePer10kSessions = report.PerTenThousandSessions(mediumOrAbove),
        };
    }
}
