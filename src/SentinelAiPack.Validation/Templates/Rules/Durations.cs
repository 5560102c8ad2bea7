using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>The duration fields of an analytics rule and their parsed values.</summary>
internal static class Durations
{
    /// <summary>Every duration text of <paramref name="rule"/> that Sentinel reads, with its YAML path.</summary>
    public static IEnumerable<(string Field, Located<string> Text)> Fields(AnalyticRule rule)
    {
        if (rule.RuleKind == AnalyticRuleKind.Scheduled)
        {
            if (rule.QueryFrequency is { } frequency)
            {
                yield return ("queryFrequency", frequency);
            }
            if (rule.QueryPeriod is { } period)
            {
                yield return ("queryPeriod", period);
            }
        }
        if (rule.SuppressionDuration is { } suppression)
        {
            yield return ("suppressionDuration", suppression);
        }
        if (rule.IncidentConfiguration?.GroupingConfiguration?.LookbackDuration is { } lookback)
        {
            yield return ("incidentConfiguration.groupingConfiguration.lookbackDuration", lookback);
        }
    }

    public static TimeSpan? Parse(Located<string>? text) =>
        text is not null && SentinelDuration.TryParse(text.Value, out var value, out _) ? value : null;

    public static string Show(TimeSpan value) => SentinelDuration.Format(value);
}
