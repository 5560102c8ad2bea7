using SentinelAiPack.Validation.Templates.Rules;

namespace SentinelAiPack.Validation.Templates;

/// <summary>Every template rule, in code order. New rules are added here.</summary>
public static class TemplateRuleRegistry
{
    public static IReadOnlyList<ITemplateRule> All { get; } = new ITemplateRule[]
    {
        new RequiredFieldRule(),
        new IdIsGuidRule(),
        new IdIsRfc4122Rule(),
        new NameLengthRule(),
        new DescriptionLengthRule(),
        new QueryLengthRule(),
        new VersionFormatRule(),
        new SeverityValueRule(),
        new KindValueRule(),
        new DurationFormatRule(),
        new ScheduleRangeRule(),
        new PeriodAtLeastFrequencyRule(),
        new LongPeriodFrequencyRule(),
        new TriggerOperatorRule(),
        new TriggerThresholdRule(),
        new EntityMappingCountRule(),
        new FieldMappingCountRule(),
        new EntityTypeRule(),
        new EntityIdentifierRule(),
        new RequiredIdentifiersRule(),
        new DuplicateIdentifierRule(),
        new ColumnNameRule(),
        new CustomDetailsCountRule(),
        new CustomDetailKeyRule(),
        new CustomDetailValueRule(),
        new AlertOverrideLengthRule(),
        new AlertOverridePlaceholderRule(),
        new TacticValueRule(),
        new TechniqueTacticRule(),
        new DuplicateIdRule(),
        new DuplicateFileNameRule(),
        new LegacyEntityColumnRule(),
        new ConnectorIdRule(),
        new ConnectorEntryRule(),
        new NrtScheduleFieldRule(),
        new AggregationKindRule(),
        new MatchingMethodRule(),
        new LookbackDurationRule(),
        new GroupByEntitiesRule(),
        new SuppressionDurationRule(),
        new ParserParameterRule(),
        new AtlasTechniqueRule(),
        new OwaspRiskRule(),
    }.OrderBy(rule => rule.Descriptor.Code, StringComparer.Ordinal).ToList();
}
