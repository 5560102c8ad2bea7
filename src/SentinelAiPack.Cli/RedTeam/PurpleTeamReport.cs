using SentinelAiPack.Engine.Simulation;
using SentinelAiPack.Telemetry.RedTeam;

namespace SentinelAiPack.Cli.RedTeam;

/// <summary>
/// The purple-team view of an imported red-team run: for each attempt, which rules' alerts name its session (anywhere
/// in the alert's result rows: SessionId, a list of sessions, the per-session user), at what severity; per family the
/// attempts detected and missed; for benign and discussion prompts those flagged at Medium or above.
/// </summary>
public sealed record PurpleTeamReport(RedTeamManifest Manifest, SimulationReport Simulation, IReadOnlyList<PurpleTeamReport.Attempt> Attempts)
{
    /// <summary>One attempt and the alerts attributed to it.</summary>
    public sealed record Attempt(RedTeamManifest.Entry Entry, IReadOnlyList<Detection> Detections)
    {
        public bool Detected => Detections.Count > 0;

        public bool DetectedAtMediumOrAbove => Detections.Any(d => AlertSeverity.IsMediumOrAbove(d.Severity));

        /// <summary>The highest severity of the attributed alerts, or null.</summary>
        public string? Severity => Detections.Count == 0 ? null : Detections.MinBy(d => AlertSeverity.Rank(d.Severity))!.Severity;
    }

    /// <summary>A rule whose alerts named the attempt: its highest severity and how many alerts.</summary>
    public sealed record Detection(string Rule, string Severity, int Alerts);

    /// <summary>Per family and label: the attempts, how many were detected (any severity, Medium+), and by which rules.</summary>
    public sealed record FamilyRow(string Family, string Label, int Attempts, int Detected, int MediumOrAbove, IReadOnlyList<(string Rule, int Attempts)> Rules);

    /// <summary>Alerts that name no imported session (per rule).</summary>
    public IReadOnlyDictionary<string, int> UnattributedAlerts { get; init; } = new Dictionary<string, int>();

    public static PurpleTeamReport Build(RedTeamManifest manifest, SimulationReport simulation)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(simulation);
        var bySession = manifest.Attempts.ToDictionary(a => a.Session, StringComparer.Ordinal);
        var found = new Dictionary<string, Dictionary<string, (string Severity, int Alerts)>>(StringComparer.Ordinal);
        var unattributed = new Dictionary<string, int>(StringComparer.Ordinal);
        var pattern = RedTeamTableWriter.SessionPattern();
        foreach (var rule in simulation.Rules)
        {
            var name = Path.GetFileNameWithoutExtension(rule.Rule.FilePath);
            foreach (var alert in rule.Alerts)
            {
                var sessions = alert.Rows.SelectMany(r => r).Where(v => v is not null)
                    .SelectMany(v => pattern.Matches(v!).Select(m => m.Value))
                    .Where(bySession.ContainsKey)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (sessions.Count == 0)
                {
                    unattributed[name] = unattributed.GetValueOrDefault(name) + 1;
                }
                foreach (var session in sessions)
                {
                    var rules = found.TryGetValue(session, out var r) ? r : found[session] = new(StringComparer.Ordinal);
                    var previous = rules.TryGetValue(name, out var known) ? known : (Severity: "Informational", Alerts: 0);
                    var severity = AlertSeverity.Rank(alert.Severity) < AlertSeverity.Rank(previous.Severity) ? alert.Severity : previous.Severity;
                    rules[name] = (severity, previous.Alerts + 1);
                }
            }
        }
        var attempts = manifest.Attempts.Select(entry => new Attempt(entry, found.TryGetValue(entry.Session, out var rules)
            ? rules.OrderBy(r => AlertSeverity.Rank(r.Value.Severity)).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new Detection(r.Key, r.Value.Severity, r.Value.Alerts)).ToList()
            : [])).ToList();
        return new PurpleTeamReport(manifest, simulation, attempts) { UnattributedAlerts = unattributed };
    }

    /// <summary>Families in label order (attack, benign, discussion), then by name.</summary>
    public IReadOnlyList<FamilyRow> Families() => Attempts
        .GroupBy(a => (a.Entry.Family, a.Entry.Label))
        .OrderBy(g => LabelOrder(g.Key.Label)).ThenBy(g => g.Key.Family, StringComparer.Ordinal)
        .Select(g => new FamilyRow(g.Key.Family, g.Key.Label, g.Count(), g.Count(a => a.Detected), g.Count(a => a.DetectedAtMediumOrAbove),
            g.SelectMany(a => a.Detections.Select(d => d.Rule)).GroupBy(r => r, StringComparer.Ordinal)
                .Select(r => (r.Key, r.Count())).OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList()))
        .ToList();

    public IEnumerable<Attempt> Labelled(string label) => Attempts.Where(a => a.Entry.Label == label);

    public static int LabelOrder(string label) => label switch
    {
        RedTeamLabels.Attack => 0,
        RedTeamLabels.Benign => 1,
        RedTeamLabels.Discussion => 2,
        _ => 3,
    };

    /// <summary>Share of <paramref name="count"/> in <paramref name="total"/>, or null when there is nothing to divide.</summary>
    public static double? Rate(int count, int total) => total == 0 ? null : (double)count / total;
}
