using System.Globalization;
using SentinelAiPack.Engine.Output;

namespace SentinelAiPack.Engine.Simulation.Reporting;

/// <summary>One CSV row per run of every rule (RFC 4180): when it ran, the window it read, what came of it.</summary>
public sealed class CsvSimulationWriter : ISimulationWriter
{
    private static readonly string[] Header =
        ["rule", "file", "run_time", "window_start", "window_end", "outcome", "rows", "alerts", "high", "medium", "low", "informational", "error"];

    public void Write(SimulationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Join(",", Header));
        var inv = CultureInfo.InvariantCulture;
        foreach (var rule in report.Rules)
        {
            foreach (var run in rule.Runs)
            {
                string Count(string severity) => run.Alerts.Count(a => a.Severity == severity).ToString(inv);
                output.WriteLine(string.Join(",", new[]
                {
                    rule.Rule.Name, rule.Rule.FilePath, TextSimulationWriter.Time(run.Time), TextSimulationWriter.Time(run.Window.Start),
                    TextSimulationWriter.Time(run.Window.End), run.Outcome.ToString().ToLowerInvariant(), run.Rows.ToString(inv),
                    run.Alerts.Count.ToString(inv), Count("High"), Count("Medium"), Count("Low"), Count("Informational"), run.Error ?? "",
                }.Select(v => TextEscaping.CsvField(TextEscaping.ForTerminal(v)))));
            }
        }
    }
}
