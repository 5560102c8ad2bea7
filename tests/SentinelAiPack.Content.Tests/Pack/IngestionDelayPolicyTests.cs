using System.Text.RegularExpressions;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// Issue 16, defect 2: every scheduled rule follows Microsoft's ingestion-delay pattern the same way
/// (detections/README.md, "Ingestion delay"): it names how late rows may arrive (IngestionDelay) and its detection
/// window (equal to queryFrequency), looks back at least the window plus the delay, and keeps the rows that reached the
/// workspace within the window (IngestionTime from the parsers, or ingestion_time() on a table) - so a late row is
/// evaluated once, by the first run after it arrives, and a longer lookback does not alert twice.
/// </summary>
public partial class IngestionDelayPolicyTests
{
    public static IEnumerable<TestCaseData> ScheduledRules() => PackRules.Rules
        .Where(r => r.RuleKind == AnalyticRuleKind.Scheduled)
        .Select(r => new TestCaseData(r).SetArgDisplayNames(Path.GetFileNameWithoutExtension(r.FilePath)));

    [TestCaseSource(nameof(ScheduledRules))]
    public void Rule_keeps_rows_by_arrival_within_its_window_and_looks_back_past_the_delay(AnalyticRule rule)
    {
        var query = rule.Query!.Text;
        var delay = Duration(IngestionDelay().Match(query));
        var window = Duration(DetectionWindow().Match(query));
        Assert.Multiple(() =>
        {
            Assert.That(delay, Is.Not.Null, "declares `let IngestionDelay = <timespan>;`");
            Assert.That(window, Is.Not.Null, "declares `let DetectionWindow = <timespan>;`");
            Assert.That(window, Is.EqualTo(rule.QueryFrequencyValue), "DetectionWindow equals queryFrequency");
            Assert.That(ArrivalFilter().IsMatch(query), Is.True,
                "keeps rows by arrival: `IngestionTime > ago(DetectionWindow)` (parser rows), `ingestion_time() > ago(DetectionWindow)` (table rows) or an aggregate of IngestionTime (`FirstArrival > ago(DetectionWindow)`)");
            if (delay is { } d && window is { } w)
            {
                Assert.That(rule.QueryPeriodValue, Is.GreaterThanOrEqualTo(w + d), "queryPeriod covers DetectionWindow + IngestionDelay");
            }
        });
    }

    private static TimeSpan? Duration(Match match)
    {
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            "d" => TimeSpan.FromDays(value),
            _ => null,
        };
    }

    [GeneratedRegex(@"let\s+IngestionDelay\s*=\s*(?<n>\d+)(?<unit>[mhd])\s*;")]
    private static partial Regex IngestionDelay();

    [GeneratedRegex(@"let\s+DetectionWindow\s*=\s*(?<n>\d+)(?<unit>[mhd])\s*;")]
    private static partial Regex DetectionWindow();

    // ago(DetectionWindow), or a window shifted by a grace period: ago(IntegrityGrace + DetectionWindow); session rules
    // compare an aggregate of IngestionTime (FirstArrival = min(IngestionTime), LastFollowUpArrival = max(...)).
    [GeneratedRegex(@"(IngestionTime|ingestion_time\(\)|\b\w*Arrival)\s*>\s*ago\((\w+\s*\+\s*)?DetectionWindow\)")]
    private static partial Regex ArrivalFilter();
}
