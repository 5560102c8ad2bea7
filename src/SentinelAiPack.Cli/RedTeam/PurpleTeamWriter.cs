using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SentinelAiPack.Engine.Output;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Telemetry.RedTeam;

namespace SentinelAiPack.Cli.RedTeam;

/// <summary>
/// Writes the purple-team report as text (families, overall recall and false-positive rates, the missed attacks and
/// the flagged benign prompts with escaped excerpts), JSON (everything, every attempt) or CSV (one row per attempt).
/// </summary>
public static class PurpleTeamWriter
{
    /// <summary>Missed attacks and false positives listed per family in text; json and csv list every one.</summary>
    public const int MaxListed = 10;

    private const int ExcerptLength = 90;

    public static void Write(PurpleTeamReport report, string format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case "json":
                WriteJson(report, output);
                break;
            case "csv":
                WriteCsv(report, output);
                break;
            default:
                WriteText(report, output);
                break;
        }
    }

    private static void WriteText(PurpleTeamReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = report.Manifest;
        var s = report.Simulation;
        output.WriteLine($"Purple-team report: {m.Attempts.Count} attempt(s) from {TextEscaping.ForTerminal(m.Source)}, classifier verdicts {(m.WithVerdict ? "included" : "not included")}");
        output.WriteLine($"{s.Rules.Count} analytics rule(s) simulated from {Time(s.From)} to {Time(s.To)}{(s.Skipped.Count > 0 ? $"; {s.Skipped.Count} skipped" : "")}");
        foreach (var skipped in s.Skipped)
        {
            output.WriteLine($"  SKIP {skipped.FilePath}: {TextEscaping.ForTerminal(skipped.Reason)}");
        }
        output.WriteLine();
        var families = report.Families();
        var header = new[] { "Family", "Label", "Attempts", "Detected", "Rate", "Medium+", "Rate", "Rules (attempts)" };
        var rows = families.Select(f => new[]
        {
            TextEscaping.Excerpt(f.Family, 40), f.Label, f.Attempts.ToString(inv), f.Detected.ToString(inv), Percent(f.Detected, f.Attempts),
            f.MediumOrAbove.ToString(inv), Percent(f.MediumOrAbove, f.Attempts),
            f.Rules.Count == 0 ? "-" : string.Join(", ", f.Rules.Take(4).Select(r => $"{r.Rule} ({r.Attempts})")) + (f.Rules.Count > 4 ? $", +{f.Rules.Count - 4} more" : ""),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i is >= 2 and <= 6 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
        output.WriteLine();
        var attacks = report.Labelled(RedTeamLabels.Attack).ToList();
        var benign = report.Labelled(RedTeamLabels.Benign).ToList();
        var discussion = report.Labelled(RedTeamLabels.Discussion).ToList();
        if (attacks.Count > 0)
        {
            output.WriteLine(string.Create(inv, $"Attacks: {attacks.Count(a => a.Detected)} of {attacks.Count} detected ({Percent(attacks.Count(a => a.Detected), attacks.Count)}), {attacks.Count(a => a.DetectedAtMediumOrAbove)} at Medium or above ({Percent(attacks.Count(a => a.DetectedAtMediumOrAbove), attacks.Count)})"));
        }
        foreach (var (name, list) in new[] { ("Benign", benign), ("Discussion", discussion) })
        {
            if (list.Count > 0)
            {
                output.WriteLine(string.Create(inv, $"{name}: {list.Count(a => a.DetectedAtMediumOrAbove)} of {list.Count} flagged at Medium or above ({Percent(list.Count(a => a.DetectedAtMediumOrAbove), list.Count)}); {list.Count(a => a.Detected)} flagged at any severity"));
            }
        }
        if (report.UnattributedAlerts.Count > 0)
        {
            output.WriteLine("Alerts that name no imported session: " + string.Join(", ", report.UnattributedAlerts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ({p.Value})")));
        }
        var missed = attacks.Where(a => !a.Detected).ToList();
        if (missed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Attacks no rule detected (up to {MaxListed} per family; --format json or csv lists all):");
            foreach (var family in missed.GroupBy(a => a.Entry.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {TextEscaping.Excerpt(family.Key, 60)}: {family.Count()} missed");
                foreach (var attempt in family.Take(MaxListed))
                {
                    output.WriteLine($"    {TextEscaping.Excerpt(attempt.Entry.Id, 40)}  {TextEscaping.Excerpt(attempt.Entry.Excerpt, ExcerptLength)}");
                }
            }
        }
        var flagged = benign.Concat(discussion).Where(a => a.DetectedAtMediumOrAbove).ToList();
        if (flagged.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Benign and discussion prompts flagged at Medium or above (up to {MaxListed} per family):");
            foreach (var family in flagged.GroupBy(a => (a.Entry.Label, a.Entry.Family)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Family, StringComparer.Ordinal))
            {
                output.WriteLine($"  {family.Key.Label} / {TextEscaping.Excerpt(family.Key.Family, 60)}: {family.Count()}");
                foreach (var attempt in family.Take(MaxListed))
                {
                    var by = string.Join(", ", attempt.Detections.Where(d => AlertSeverity(d.Severity)).Select(d => $"{d.Rule} ({d.Severity})"));
                    output.WriteLine($"    {TextEscaping.Excerpt(attempt.Entry.Id, 40)}  by {by}  {TextEscaping.Excerpt(attempt.Entry.Excerpt, ExcerptLength)}");
                }
            }
        }
    }

    private static bool AlertSeverity(string severity) => Engine.Simulation.AlertSeverity.IsMediumOrAbove(severity);

    private static void WriteJson(PurpleTeamReport report, TextWriter output)
    {
        var attacks = report.Labelled(RedTeamLabels.Attack).ToList();
        var benign = report.Labelled(RedTeamLabels.Benign).ToList();
        var discussion = report.Labelled(RedTeamLabels.Discussion).ToList();
        var document = new
        {
            source = report.Manifest.Source,
            withVerdict = report.Manifest.WithVerdict,
            from = Time(report.Simulation.From),
            to = Time(report.Simulation.To),
            rules = report.Simulation.Rules.Count,
            skippedRules = report.Simulation.Skipped.Select(s => new { file = s.FilePath, reason = s.Reason }),
            overall = new
            {
                attacks = attacks.Count,
                attacksDetected = attacks.Count(a => a.Detected),
                attackRecall = PurpleTeamReport.Rate(attacks.Count(a => a.Detected), attacks.Count),
                attacksDetectedMediumOrAbove = attacks.Count(a => a.DetectedAtMediumOrAbove),
                attackRecallMediumOrAbove = PurpleTeamReport.Rate(attacks.Count(a => a.DetectedAtMediumOrAbove), attacks.Count),
                benign = benign.Count,
                benignFlaggedMediumOrAbove = benign.Count(a => a.DetectedAtMediumOrAbove),
                benignFalsePositiveRate = PurpleTeamReport.Rate(benign.Count(a => a.DetectedAtMediumOrAbove), benign.Count),
                discussion = discussion.Count,
                discussionFlaggedMediumOrAbove = discussion.Count(a => a.DetectedAtMediumOrAbove),
                discussionFalsePositiveRate = PurpleTeamReport.Rate(discussion.Count(a => a.DetectedAtMediumOrAbove), discussion.Count),
            },
            families = report.Families().Select(f => new
            {
                family = f.Family,
                label = f.Label,
                attempts = f.Attempts,
                detected = f.Detected,
                mediumOrAbove = f.MediumOrAbove,
                recall = PurpleTeamReport.Rate(f.Detected, f.Attempts),
                rules = f.Rules.Select(r => new { rule = r.Rule, attempts = r.Attempts }),
            }),
            unattributedAlerts = report.UnattributedAlerts,
            attempts = report.Attempts.Select(a => new
            {
                id = a.Entry.Id,
                session = a.Entry.Session,
                family = a.Entry.Family,
                source = a.Entry.Source,
                label = a.Entry.Label,
                channel = a.Entry.Channel,
                detected = a.Detected,
                severity = a.Severity,
                modelCompromised = a.Entry.ModelCompromised,
                rules = a.Detections.Select(d => new { rule = d.Rule, severity = d.Severity, alerts = d.Alerts }),
                excerpt = a.Entry.Excerpt,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Default }));
    }

    private static void WriteCsv(PurpleTeamReport report, TextWriter output)
    {
        output.WriteLine("id,session,family,source,label,channel,detected,severity,medium_or_above,rules,model_compromised,excerpt");
        foreach (var a in report.Attempts)
        {
            output.WriteLine(string.Join(",", new[]
            {
                a.Entry.Id, a.Entry.Session, a.Entry.Family, a.Entry.Source, a.Entry.Label, a.Entry.Channel, a.Detected ? "true" : "false",
                a.Severity ?? "", a.DetectedAtMediumOrAbove ? "true" : "false", string.Join(";", a.Detections.Select(d => $"{d.Rule}:{d.Severity}")),
                a.Entry.ModelCompromised is { } c ? (c ? "true" : "false") : "", a.Entry.Excerpt,
            }.Select(v => TextEscaping.CsvField(TextEscaping.ForTerminal(v)))));
        }
    }

    private static string Percent(int count, int total) =>
        PurpleTeamReport.Rate(count, total) is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Time(DateTime time) => Values.FormatDateTime(time.Ticks);
}
