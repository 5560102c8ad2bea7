using System.Text.RegularExpressions;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>The repository's analytics rules and hunting queries (detections/), loaded once, looked up by file stem.</summary>
internal static partial class PackRules
{
    private static readonly Lazy<ContentSet> Loaded = new(() => ContentLoader.Load([RepositoryPaths.Detections]));

    public static IEnumerable<AnalyticRule> Rules => Loaded.Value.AnalyticRules;

    public static IEnumerable<DetectionTemplate> RulesAndHunting =>
        Loaded.Value.AnalyticRules.Cast<DetectionTemplate>().Concat(Loaded.Value.HuntingQueries);

    public static AnalyticRule Rule(string stem) =>
        Rules.SingleOrDefault(r => Path.GetFileNameWithoutExtension(r.FilePath) == stem)
        ?? throw new AssertionException($"no analytics rule {stem}.yaml in detections/");

    public static string? AlertType(DetectionTemplate item) => item.AiPack?.AlertType?.Value;

    /// <summary>Sentinel's severities from lowest to highest.</summary>
    public static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];

    public static int Rank(string severity)
    {
        var rank = Array.FindIndex(Severities, s => string.Equals(s, severity, StringComparison.OrdinalIgnoreCase));
        return rank >= 0 ? rank : throw new AssertionException($"'{severity}' is not a severity");
    }

    /// <summary>
    /// Every severity an alert of the rule can have: the rule's severity and, with alertSeverityColumnName, the
    /// severity literals of the query lines that assign that column.
    /// </summary>
    public static IReadOnlyList<string> EmittedSeverities(AnalyticRule rule)
    {
        var severities = new List<string> { rule.Severity!.Value };
        if (rule.AlertDetailsOverride?.AlertSeverityColumnName?.Value is { } column)
        {
            var assignment = new Regex(@"\b" + Regex.Escape(column) + @"\s*=(?!=)");
            foreach (var line in rule.Query!.Text.Split('\n').Where(l => assignment.IsMatch(l)))
            {
                severities.AddRange(SeverityLiteral().Matches(line).Select(m => m.Groups[1].Value));
            }
        }
        return severities;
    }

    [GeneratedRegex("\"(Informational|Low|Medium|High)\"")]
    private static partial Regex SeverityLiteral();
}
