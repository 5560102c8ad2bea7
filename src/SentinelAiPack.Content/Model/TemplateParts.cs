using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Model;

/// <summary>One <c>requiredDataConnectors</c> entry.</summary>
public sealed record DataConnectorRequirement(
    Located<string>? ConnectorId,
    Located<IReadOnlyList<Located<string>>>? DataTypes,
    SourceSpan Span);

/// <summary>One <c>entityMappings</c> entry.</summary>
public sealed record EntityMapping(
    Located<string>? EntityType,
    Located<IReadOnlyList<FieldMapping>>? FieldMappings,
    SourceSpan Span);

/// <summary>One <c>fieldMappings</c> entry of an entity mapping.</summary>
public sealed record FieldMapping(Located<string>? Identifier, Located<string>? ColumnName, SourceSpan Span);

/// <summary>One <c>customDetails</c> entry: the detail's key and the result column it reads.</summary>
public sealed record CustomDetail(Located<string> Key, Located<string>? Column);

/// <summary><c>alertDetailsOverride</c>: dynamic alert name/description and columns for tactics/severity.</summary>
public sealed record AlertDetailsOverride(SourceSpan Span)
{
    public Located<string>? AlertDisplayNameFormat { get; init; }

    public Located<string>? AlertDescriptionFormat { get; init; }

    public Located<string>? AlertTacticsColumnName { get; init; }

    public Located<string>? AlertSeverityColumnName { get; init; }

    public IReadOnlyList<AlertDynamicProperty> AlertDynamicProperties { get; init; } = [];
}

/// <summary>One <c>alertDynamicProperties</c> entry of <c>alertDetailsOverride</c>.</summary>
public sealed record AlertDynamicProperty(Located<string>? AlertProperty, Located<string>? Value, SourceSpan Span);

/// <summary><c>eventGroupingSettings</c>.</summary>
public sealed record EventGroupingSettings(Located<string>? AggregationKind, SourceSpan Span);

/// <summary><c>incidentConfiguration</c>.</summary>
public sealed record IncidentConfiguration(SourceSpan Span)
{
    public Located<bool>? CreateIncident { get; init; }

    public GroupingConfiguration? GroupingConfiguration { get; init; }
}

/// <summary><c>incidentConfiguration.groupingConfiguration</c>.</summary>
public sealed record GroupingConfiguration(SourceSpan Span)
{
    public Located<bool>? Enabled { get; init; }

    public Located<bool>? ReopenClosedIncident { get; init; }

    public Located<string>? LookbackDuration { get; init; }

    public Located<string>? MatchingMethod { get; init; }

    public Located<IReadOnlyList<Located<string>>>? GroupByEntities { get; init; }

    public Located<IReadOnlyList<Located<string>>>? GroupByAlertDetails { get; init; }

    public Located<IReadOnlyList<Located<string>>>? GroupByCustomDetails { get; init; }
}

/// <summary>A <c>tags</c> entry: plain text (<c>- DEV-0537</c>) or a map (<c>- Schema: ASimAuthentication</c>).</summary>
public sealed record ContentTag(string? Text, IReadOnlyDictionary<string, string>? Properties, SourceSpan Span);
