using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>NRT rules run every minute over the last minute: queryFrequency, queryPeriod and the trigger fields are ignored.</summary>
public sealed class NrtScheduleFieldRule : TemplateRule
{
    private static readonly string[] Fields = ["queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.NrtScheduleField;

    public override string Description => "NRT rules have no queryFrequency, queryPeriod, triggerOperator or triggerThreshold.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { RuleKind: AnalyticRuleKind.NRT })
        {
            yield break;
        }
        foreach (var field in Fields)
        {
            if (item.Root.Find(field, ignoreCase: true) is { } entry)
            {
                yield return Report(item, entry.Key.Span, $"'{field}' has no effect on an NRT rule (NRT rules run every minute); remove it.");
            }
        }
    }
}

/// <summary>eventGroupingSettings.aggregationKind is present and is SingleAlert or AlertPerResult.</summary>
public sealed class AggregationKindRule : TemplateRule
{
    public static IReadOnlyList<string> Values { get; } = ["SingleAlert", "AlertPerResult"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.AggregationKindValue;

    public override string Description => "eventGroupingSettings.aggregationKind is SingleAlert or AlertPerResult.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { EventGroupingSettings: { } grouping })
        {
            yield break;
        }
        if (grouping.AggregationKind is not { } kind)
        {
            yield return Report(item, grouping.Span, "eventGroupingSettings needs aggregationKind (SingleAlert or AlertPerResult).");
        }
        else if (!Values.Contains(kind.Value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return Report(item, kind.Span, $"aggregationKind '{kind.Value}' is not one of {string.Join(", ", Values)}.");
        }
    }
}

/// <summary>incidentConfiguration.groupingConfiguration.matchingMethod is AllEntities, AnyAlert or Selected.</summary>
public sealed class MatchingMethodRule : TemplateRule
{
    public static IReadOnlyList<string> Values { get; } = ["AllEntities", "AnyAlert", "Selected"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.MatchingMethodValue;

    public override string Description => "Incident grouping matchingMethod is AllEntities, AnyAlert or Selected.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { IncidentConfiguration.GroupingConfiguration.MatchingMethod: { } method } &&
            !Values.Contains(method.Value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return Report(item, method.Span, $"matchingMethod '{method.Value}' is not one of {string.Join(", ", Values)}.");
        }
    }
}

/// <summary>Incident grouping lookbackDuration is between 5 minutes and 7 days.</summary>
public sealed class LookbackDurationRule : TemplateRule
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(7);

    public override DiagnosticDescriptor Descriptor => TemplateCodes.LookbackDurationRange;

    public override string Description => "Incident grouping lookbackDuration is between 5 minutes and 7 days.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { IncidentConfiguration.GroupingConfiguration.LookbackDuration: { } text } &&
            Durations.Parse(text) is { } value && (value < Minimum || value > Maximum))
        {
            yield return Report(item, text.Span, $"lookbackDuration is {Durations.Show(value)}; it must be between 5m and 7d.");
        }
    }
}

/// <summary>Incident grouping groupByEntities lists Sentinel entity types.</summary>
public sealed class GroupByEntitiesRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.GroupByEntitiesValue;

    public override string Description => "groupByEntities lists Sentinel entity types.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { IncidentConfiguration.GroupingConfiguration.GroupByEntities: { } entities })
        {
            yield break;
        }
        foreach (var entity in entities.Value.Where(e => EntityCatalog.Find(e.Value) is null))
        {
            var suggestion = EntityCatalog.Suggest(entity.Value);
            yield return Report(item, entity.Span,
                $"groupByEntities entry '{entity.Value}' is not a Sentinel entity type.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
        }
    }
}

/// <summary>suppressionDuration is between 5 minutes and 24 hours (the portal's limit for stopping a rule after an alert).</summary>
public sealed class SuppressionDurationRule : TemplateRule
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    public override DiagnosticDescriptor Descriptor => TemplateCodes.SuppressionDurationRange;

    public override string Description => "suppressionDuration is between 5 minutes and 24 hours.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { SuppressionDuration: { } text } && Durations.Parse(text) is { } value && (value < Minimum || value > Maximum))
        {
            yield return Report(item, text.Span, $"suppressionDuration is {Durations.Show(value)}; it must be between 5m and 24h.");
        }
    }
}
