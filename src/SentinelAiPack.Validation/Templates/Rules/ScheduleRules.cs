using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>A Scheduled rule's queryFrequency and queryPeriod lie between 5 minutes and 14 days.</summary>
public sealed class ScheduleRangeRule : TemplateRule
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(14);

    public override DiagnosticDescriptor Descriptor => TemplateCodes.ScheduleRange;

    public override string Description => "queryFrequency and queryPeriod are between 5 minutes and 14 days.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled } rule)
        {
            yield break;
        }
        foreach (var (field, text) in new[] { ("queryFrequency", rule.QueryFrequency), ("queryPeriod", rule.QueryPeriod) })
        {
            if (Durations.Parse(text) is { } value && (value < Minimum || value > Maximum))
            {
                yield return Report(item, text!.Span, $"{field} is {Durations.Show(value)}; it must be between 5m and 14d.");
            }
        }
    }
}

/// <summary>A Scheduled rule's queryPeriod is at least its queryFrequency (no gaps between runs).</summary>
public sealed class PeriodAtLeastFrequencyRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.PeriodShorterThanFrequency;

    public override string Description => "queryPeriod is greater than or equal to queryFrequency.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled } rule &&
            Durations.Parse(rule.QueryFrequency) is { } frequency && Durations.Parse(rule.QueryPeriod) is { } period && period < frequency)
        {
            yield return Report(item, rule.QueryPeriod!.Span,
                $"queryPeriod ({Durations.Show(period)}) is shorter than queryFrequency ({Durations.Show(frequency)}); events between runs would never be queried.");
        }
    }
}

/// <summary>A Scheduled rule that looks back 2 days or more runs at most once an hour.</summary>
public sealed class LongPeriodFrequencyRule : TemplateRule
{
    public static readonly TimeSpan LongPeriod = TimeSpan.FromDays(2);
    public static readonly TimeSpan MinimumFrequency = TimeSpan.FromHours(1);

    public override DiagnosticDescriptor Descriptor => TemplateCodes.LongPeriodFrequency;

    public override string Description => "When queryPeriod is 2 days or more, queryFrequency is at least 1 hour.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled } rule &&
            Durations.Parse(rule.QueryFrequency) is { } frequency && Durations.Parse(rule.QueryPeriod) is { } period &&
            period >= LongPeriod && frequency < MinimumFrequency)
        {
            yield return Report(item, rule.QueryFrequency!.Span,
                $"queryFrequency is {Durations.Show(frequency)} with a queryPeriod of {Durations.Show(period)}; a period of 2d or more needs a frequency of at least 1h.");
        }
    }
}

/// <summary>A Scheduled rule's triggerOperator is gt, lt, eq or ne (or GreaterThan, LessThan, Equal, NotEqual).</summary>
public sealed class TriggerOperatorRule : TemplateRule
{
    public static IReadOnlyList<string> Values { get; } = ["gt", "lt", "eq", "ne", "GreaterThan", "LessThan", "Equal", "NotEqual"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.TriggerOperatorValue;

    public override string Description => "triggerOperator is gt, lt, eq or ne (or GreaterThan, LessThan, Equal, NotEqual).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled, TriggerOperator: { } op } &&
            !Values.Contains(op.Value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return Report(item, op.Span, $"triggerOperator '{op.Value}' is not one of {string.Join(", ", Values)}.");
        }
    }
}

/// <summary>A Scheduled rule's triggerThreshold is between 0 and 10,000.</summary>
public sealed class TriggerThresholdRule : TemplateRule
{
    public const int Maximum = 10_000;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.TriggerThresholdRange;

    public override string Description => "triggerThreshold is between 0 and 10,000.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled, TriggerThreshold: { } threshold } &&
            threshold.Value is < 0 or > Maximum)
        {
            yield return Report(item, threshold.Span, $"triggerThreshold is {threshold.Value}; it must be between 0 and {Maximum:N0}.");
        }
    }
}
