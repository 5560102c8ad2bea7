using System.Globalization;
using SentinelAiPack.Engine.Output;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Simulation.Reporting;

/// <summary>
/// The simulation for a terminal: per rule its schedule, totals and the runs that alerted (the first
/// <see cref="MaxRunsShown"/>; json and csv list every run), then a table of every rule, the totals and a per-day
/// histogram of alerts by severity. Alert names come from result rows (attacker-written text) and are escaped.
/// </summary>
public sealed class TextSimulationWriter : ISimulationWriter
{
    public const int MaxRunsShown = 20;
    private const int BarWidth = 40;

    public void Write(SimulationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        var sessions = report.Sessions is { } s ? string.Create(inv, $", {s:N0} sessions") : "";
        output.WriteLine(string.Create(inv, $"Simulated {report.Rules.Count} rule(s) from {Time(report.From)} to {Time(report.To)}{(report.Source is null ? "" : " on " + report.Source)}{sessions}"));
        foreach (var rule in report.Rules)
        {
            WriteRule(rule, output);
        }
        foreach (var skipped in report.Skipped)
        {
            output.WriteLine();
            output.WriteLine($"SKIP  {skipped.FilePath}: {TextEscaping.ForTerminal(skipped.Reason)}");
        }
        output.WriteLine();
        WriteTable(report, output);
        output.WriteLine();
        WriteHistogram(report, output);
    }

    private static void WriteRule(RuleSimulation simulation, TextWriter output)
    {
        var rule = simulation.Rule;
        output.WriteLine();
        output.WriteLine($"{rule.FilePath}  {TextEscaping.ForTerminal(rule.Name)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Schedule(rule)}; alert when results {rule.Trigger}; {(rule.EventGrouping == EventGrouping.AlertPerResult ? "an alert per result" : "one alert per run")}{(rule.Suppression is { } s ? "; suppressed " + Durations.Format(s) + " after an alert" : "")}; {rule.Incidents}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {simulation.Runs.Count} runs: {simulation.Count(RunOutcome.Alerted)} alerted, {simulation.Count(RunOutcome.Suppressed)} suppressed, {simulation.Count(RunOutcome.Failed)} failed; {simulation.AlertCount} alert(s) ({Severities(simulation.Alerts)}); {simulation.Incidents.Count} incident(s)"));
        var shown = 0;
        foreach (var run in simulation.Runs.Where(r => r.Outcome is RunOutcome.Alerted or RunOutcome.Failed))
        {
            if (shown++ == MaxRunsShown)
            {
                var rest = simulation.Runs.Count(r => r.Outcome is RunOutcome.Alerted or RunOutcome.Failed) - MaxRunsShown;
                output.WriteLine($"  ... {rest} more run(s) with alerts or failures (--format json or csv lists every run)");
                break;
            }
            if (run.Outcome == RunOutcome.Failed)
            {
                output.WriteLine($"  {Time(run.Time)}  failed: {TextEscaping.ForTerminal(run.Error ?? "")}");
                continue;
            }
            var names = run.Alerts.GroupBy(a => (a.Severity, a.DisplayName)).Select(g => $"{g.Key.Severity} {TextEscaping.Excerpt(g.Key.DisplayName, 100)}{(g.Count() > 1 ? $" (x{g.Count()})" : "")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Time(run.Time)}  {run.Rows} row(s), {run.Alerts.Count} alert(s): {string.Join("; ", names)}"));
        }
    }

    private static void WriteTable(SimulationReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var header = new[] { "Rule", "Schedule", "Runs", "Alerted", "Alerts", "High", "Medium", "Low", "Info", "Incidents", "Med+/10k sessions" };
        var rows = report.Rules.Select(r => new[]
        {
            Path.GetFileNameWithoutExtension(r.Rule.FilePath), Schedule(r.Rule), r.Runs.Count.ToString(inv), r.Count(RunOutcome.Alerted).ToString(inv),
            r.AlertCount.ToString(inv), r.AlertsOf("High").ToString(inv), r.AlertsOf("Medium").ToString(inv), r.AlertsOf("Low").ToString(inv),
            r.AlertsOf("Informational").ToString(inv), r.Incidents.Count.ToString(inv), Rate(report, r.MediumOrAboveAlerts),
        }).ToList();
        var all = report.Rules.SelectMany(r => r.Alerts).ToList();
        rows.Add(
        [
            "Total", "", report.Rules.Sum(r => r.Runs.Count).ToString(inv), report.Rules.Sum(r => r.Count(RunOutcome.Alerted)).ToString(inv),
            all.Count.ToString(inv), all.Count(a => a.Severity == "High").ToString(inv), all.Count(a => a.Severity == "Medium").ToString(inv),
            all.Count(a => a.Severity == "Low").ToString(inv), all.Count(a => a.Severity == "Informational").ToString(inv),
            report.Rules.Sum(r => r.Incidents.Count).ToString(inv), Rate(report, all.Count(a => AlertSeverity.IsMediumOrAbove(a.Severity))),
        ]);
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows.Take(rows.Count - 1))
        {
            output.WriteLine(Line(row));
        }
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        output.WriteLine(Line(rows[^1]));
        if (report.Sessions is null)
        {
            output.WriteLine("(no session count for this source: Med+/10k sessions is not computed)");
        }
    }

    private static void WriteHistogram(SimulationReport report, TextWriter output)
    {
        var alerts = report.Rules.SelectMany(r => r.Alerts).ToList();
        var first = report.From.Date;
        var days = new List<DateTime>();
        for (var day = first; day < report.To; day = day.AddDays(1))
        {
            days.Add(day);
        }
        if (days.Count is 0 or > 366)
        {
            return;
        }
        var byDay = alerts.GroupBy(a => a.Time == a.Time.Date && a.Time > first ? a.Time.AddTicks(-1).Date : a.Time.Date).ToDictionary(g => g.Key, g => g.ToList());
        var max = Math.Max(1, days.Max(d => byDay.GetValueOrDefault(d)?.Count ?? 0));
        output.WriteLine("Alerts per day (all rules; a run at midnight counts for the day it closes)");
        foreach (var day in days)
        {
            var list = byDay.GetValueOrDefault(day) ?? [];
            var bar = new string('#', (int)Math.Ceiling(list.Count * (double)BarWidth / max));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}  {bar.PadRight(BarWidth)}  {list.Count,6}  {Severities(list)}"));
        }
    }

    private static string Severities(IEnumerable<SimulatedAlert> alerts)
    {
        var list = alerts.ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"High {list.Count(a => a.Severity == "High")}, Medium {list.Count(a => a.Severity == "Medium")}, Low {list.Count(a => a.Severity == "Low")}, Informational {list.Count(a => a.Severity == "Informational")}");
    }

    private static string Rate(SimulationReport report, int alerts) =>
        report.PerTenThousandSessions(alerts) is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    internal static string Schedule(SimulatedRule rule) =>
        rule.IsNearRealTime ? "NRT (1m)" : $"{Durations.Format(rule.Frequency)} / {Durations.Format(rule.Period)}";

    internal static string Time(DateTime time) => Values.FormatDateTime(time.Ticks);
}
