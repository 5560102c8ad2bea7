using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Model;

/// <summary>
/// The Azure-Sentinel query-template format shared by analytics rules and hunting queries. Hunting files often
/// carry rule fields too (severity, queryFrequency, kind), so both kinds expose all of them.
/// </summary>
public abstract class DetectionTemplate : ContentItem
{
    private protected DetectionTemplate(ContentSource source)
        : base(source)
    {
    }

    public Located<string>? Name { get; init; }

    public override Located<string>? DisplayName => Name;

    public Located<string>? Description { get; init; }

    /// <summary><c>description-detailed</c> (some hunting queries).</summary>
    public Located<string>? DescriptionDetailed { get; init; }

    public Located<string>? Severity { get; init; }

    public Located<string>? Status { get; init; }

    public Located<IReadOnlyList<DataConnectorRequirement>>? RequiredDataConnectors { get; init; }

    public Located<string>? QueryFrequency { get; init; }

    public Located<string>? QueryPeriod { get; init; }

    public Located<string>? TriggerOperator { get; init; }

    public Located<int>? TriggerThreshold { get; init; }

    public Located<IReadOnlyList<Located<string>>>? Tactics { get; init; }

    public Located<IReadOnlyList<Located<string>>>? RelevantTechniques { get; init; }

    public Located<IReadOnlyList<EntityMapping>>? EntityMappings { get; init; }

    public Located<IReadOnlyList<CustomDetail>>? CustomDetails { get; init; }

    public AlertDetailsOverride? AlertDetailsOverride { get; init; }

    public EventGroupingSettings? EventGroupingSettings { get; init; }

    public IncidentConfiguration? IncidentConfiguration { get; init; }

    public Located<string>? SuppressionDuration { get; init; }

    public Located<bool>? SuppressionEnabled { get; init; }

    public Located<IReadOnlyList<ContentTag>>? Tags { get; init; }

    /// <summary>The community <c>metadata:</c> block, kept as YAML.</summary>
    public YamlMapping? Metadata { get; init; }

    public Located<string>? Version { get; init; }

    /// <summary><c>kind</c> as written (Scheduled, NRT, ...).</summary>
    public Located<string>? KindText { get; init; }

    public AiPackExtension? AiPack { get; init; }

    /// <summary><c>queryFrequency</c> as a time span, or null when absent or not a valid duration.</summary>
    public TimeSpan? QueryFrequencyValue => ParseDuration(QueryFrequency);

    public TimeSpan? QueryPeriodValue => ParseDuration(QueryPeriod);

    public TimeSpan? SuppressionDurationValue => ParseDuration(SuppressionDuration);

    private static TimeSpan? ParseDuration(Located<string>? text) =>
        text is not null && SentinelDuration.TryParse(text.Value, out var value, out _) ? value : null;
}

/// <summary>The analytics-rule kinds that have a template model in Sentinel.</summary>
public enum AnalyticRuleKind
{
    Scheduled,
    NRT,
}

/// <summary>A Scheduled or NRT analytics rule template.</summary>
public sealed class AnalyticRule : DetectionTemplate
{
    public AnalyticRule(ContentSource source)
        : base(source)
    {
    }

    public override ContentKind Kind => ContentKind.AnalyticRule;

    /// <summary>The parsed <c>kind</c> (case-insensitive), or null when missing or not Scheduled/NRT.</summary>
    public AnalyticRuleKind? RuleKind =>
        KindText?.Value.Trim() is { } text && Enum.TryParse<AnalyticRuleKind>(text, ignoreCase: true, out var kind) &&
        Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : null;
}

/// <summary>A hunting query (saved search in the "Hunting Queries" category).</summary>
public sealed class HuntingQuery : DetectionTemplate
{
    public HuntingQuery(ContentSource source)
        : base(source)
    {
    }

    public override ContentKind Kind => ContentKind.HuntingQuery;
}
