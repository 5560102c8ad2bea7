using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Loading;

/// <summary>Reads the Azure-Sentinel query-template format (analytics rules and hunting queries) into the model.</summary>
internal static class TemplateReader
{
    /// <summary>Keys Azure-Sentinel content uses that the model keeps only as raw YAML (never warned about).</summary>
    public static IReadOnlyList<string> KnownUnmodelledKeys { get; } = ["sentinelEntitiesMappings"];

    public static DetectionTemplate Read(ContentSource source, ContentKind kind, DiagnosticBag diagnostics)
    {
        var root = new MappingReader(source.Root, diagnostics, string.Empty);
        var formatName = kind == ContentKind.HuntingQuery ? "hunting query" : "analytics rule";

        var id = root.Text("id");
        var name = root.Text("name");
        var description = root.Text("description");
        var descriptionDetailed = root.Text("description-detailed");
        var severity = root.Text("severity");
        var status = root.Text("status");
        var connectors = ReadConnectors(root);
        var queryFrequency = root.Text("queryFrequency");
        var queryPeriod = root.Text("queryPeriod");
        var triggerOperator = root.Text("triggerOperator");
        var triggerThreshold = root.Integer("triggerThreshold");
        var tactics = root.TextList("tactics");
        var techniques = root.TextList("relevantTechniques");
        var query = ReadQuery(root, "query", source);
        var entityMappings = ReadEntityMappings(root);
        var customDetails = ReadCustomDetails(root);
        var alertDetailsOverride = ReadAlertDetailsOverride(root);
        var eventGrouping = ReadEventGrouping(root);
        var incidentConfiguration = ReadIncidentConfiguration(root);
        var suppressionDuration = root.Text("suppressionDuration");
        var suppressionEnabled = root.Boolean("suppressionEnabled");
        var tags = ReadTags(root);
        var metadata = root.Map("metadata")?.Mapping;
        var version = root.Text("version");
        var kindText = root.Text("kind");
        var aiPack = AiPackReader.Read(root);
        root.ReportUnknownKeys(formatName, KnownUnmodelledKeys);

        DetectionTemplate template = kind == ContentKind.HuntingQuery
            ? new HuntingQuery(source)
            {
                Id = id, Query = query, InvalidFields = root.InvalidKeys, Name = name, Description = description,
                DescriptionDetailed = descriptionDetailed, Severity = severity, Status = status,
                RequiredDataConnectors = connectors, QueryFrequency = queryFrequency, QueryPeriod = queryPeriod,
                TriggerOperator = triggerOperator, TriggerThreshold = triggerThreshold, Tactics = tactics,
                RelevantTechniques = techniques, EntityMappings = entityMappings, CustomDetails = customDetails,
                AlertDetailsOverride = alertDetailsOverride, EventGroupingSettings = eventGrouping,
                IncidentConfiguration = incidentConfiguration, SuppressionDuration = suppressionDuration,
                SuppressionEnabled = suppressionEnabled, Tags = tags, Metadata = metadata, Version = version,
                KindText = kindText, AiPack = aiPack,
            }
            : new AnalyticRule(source)
            {
                Id = id, Query = query, InvalidFields = root.InvalidKeys, Name = name, Description = description,
                DescriptionDetailed = descriptionDetailed, Severity = severity, Status = status,
                RequiredDataConnectors = connectors, QueryFrequency = queryFrequency, QueryPeriod = queryPeriod,
                TriggerOperator = triggerOperator, TriggerThreshold = triggerThreshold, Tactics = tactics,
                RelevantTechniques = techniques, EntityMappings = entityMappings, CustomDetails = customDetails,
                AlertDetailsOverride = alertDetailsOverride, EventGroupingSettings = eventGrouping,
                IncidentConfiguration = incidentConfiguration, SuppressionDuration = suppressionDuration,
                SuppressionEnabled = suppressionEnabled, Tags = tags, Metadata = metadata, Version = version,
                KindText = kindText, AiPack = aiPack,
            };
        return template;
    }

    /// <summary>Reads a KQL field and builds its source map (the owning mapping's indentation comes from the key's column).</summary>
    public static QueryText? ReadQuery(MappingReader reader, string key, ContentSource source)
    {
        var entry = reader.Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is not YamlScalar scalar)
        {
            // Reuse the reader's type check so the key is recorded as invalid and reported once.
            _ = reader.Text(key);
            return null;
        }
        var map = QuerySourceMap.Create(source.Text, source.Lines, scalar, parentIndent: entry.Key.Start.Column - 1);
        return new QueryText(scalar.Value, scalar.Span, entry.Key.Span, map);
    }

    private static Located<IReadOnlyList<DataConnectorRequirement>>? ReadConnectors(MappingReader root)
    {
        const string key = "requiredDataConnectors";
        if (root.Sequence(key) is not { } found)
        {
            return null;
        }
        var list = new List<DataConnectorRequirement>();
        foreach (var (item, index) in root.MappingItems(found.Sequence, key))
        {
            var reader = root.Nested(item, $"{key}[{index}]");
            var connectorId = reader.Text("connectorId");
            var dataTypes = reader.TextList("dataTypes");
            reader.ReportUnknownKeys("requiredDataConnectors entry");
            list.Add(new DataConnectorRequirement(connectorId, dataTypes, item.Span));
        }
        return new Located<IReadOnlyList<DataConnectorRequirement>>(list, found.Sequence.Span) { KeySpan = found.Entry.Key.Span };
    }

    private static Located<IReadOnlyList<EntityMapping>>? ReadEntityMappings(MappingReader root)
    {
        const string key = "entityMappings";
        if (root.Sequence(key) is not { } found)
        {
            return null;
        }
        var list = new List<EntityMapping>();
        foreach (var (item, index) in root.MappingItems(found.Sequence, key))
        {
            var context = $"{key}[{index}]";
            var reader = root.Nested(item, context);
            var entityType = reader.Text("entityType");
            Located<IReadOnlyList<FieldMapping>>? fields = null;
            if (reader.Sequence("fieldMappings") is { } fieldList)
            {
                var mappings = new List<FieldMapping>();
                foreach (var (fieldItem, fieldIndex) in reader.MappingItems(fieldList.Sequence, "fieldMappings"))
                {
                    var fieldReader = reader.Nested(fieldItem, $"{context}.fieldMappings[{fieldIndex}]");
                    var identifier = fieldReader.Text("identifier");
                    var column = fieldReader.Text("columnName");
                    fieldReader.ReportUnknownKeys("fieldMappings entry");
                    mappings.Add(new FieldMapping(identifier, column, fieldItem.Span));
                }
                fields = new Located<IReadOnlyList<FieldMapping>>(mappings, fieldList.Sequence.Span) { KeySpan = fieldList.Entry.Key.Span };
            }
            reader.ReportUnknownKeys("entityMappings entry");
            list.Add(new EntityMapping(entityType, fields, item.Span));
        }
        return new Located<IReadOnlyList<EntityMapping>>(list, found.Sequence.Span) { KeySpan = found.Entry.Key.Span };
    }

    private static Located<IReadOnlyList<CustomDetail>>? ReadCustomDetails(MappingReader root)
    {
        if (root.Map("customDetails") is not { } found)
        {
            return null;
        }
        var reader = root.Nested(found.Mapping, "customDetails");
        var details = new List<CustomDetail>();
        foreach (var entry in found.Mapping.Entries)
        {
            var value = reader.Text(entry.Key.Value);
            details.Add(new CustomDetail(new Located<string>(entry.Key.Value, entry.Key.Span), value));
        }
        return new Located<IReadOnlyList<CustomDetail>>(details, found.Mapping.Span) { KeySpan = found.Entry.Key.Span };
    }

    private static AlertDetailsOverride? ReadAlertDetailsOverride(MappingReader root)
    {
        if (root.Map("alertDetailsOverride") is not { } found)
        {
            return null;
        }
        var reader = root.Nested(found.Mapping, "alertDetailsOverride");
        var properties = new List<AlertDynamicProperty>();
        if (reader.Sequence("alertDynamicProperties") is { } dynamicList)
        {
            foreach (var (item, index) in reader.MappingItems(dynamicList.Sequence, "alertDynamicProperties"))
            {
                var itemReader = reader.Nested(item, $"alertDetailsOverride.alertDynamicProperties[{index}]");
                var property = itemReader.Text("alertProperty");
                var value = itemReader.Text("value");
                itemReader.ReportUnknownKeys("alertDynamicProperties entry");
                properties.Add(new AlertDynamicProperty(property, value, item.Span));
            }
        }
        var result = new AlertDetailsOverride(found.Entry.Key.Span)
        {
            AlertDisplayNameFormat = reader.Text("alertDisplayNameFormat"),
            AlertDescriptionFormat = reader.Text("alertDescriptionFormat"),
            AlertTacticsColumnName = reader.Text("alertTacticsColumnName"),
            AlertSeverityColumnName = reader.Text("alertSeverityColumnName"),
            AlertDynamicProperties = properties,
        };
        reader.ReportUnknownKeys("alertDetailsOverride");
        return result;
    }

    private static EventGroupingSettings? ReadEventGrouping(MappingReader root)
    {
        if (root.Map("eventGroupingSettings") is not { } found)
        {
            return null;
        }
        var reader = root.Nested(found.Mapping, "eventGroupingSettings");
        var result = new EventGroupingSettings(reader.Text("aggregationKind"), found.Entry.Key.Span);
        reader.ReportUnknownKeys("eventGroupingSettings");
        return result;
    }

    private static IncidentConfiguration? ReadIncidentConfiguration(MappingReader root)
    {
        if (root.Map("incidentConfiguration") is not { } found)
        {
            return null;
        }
        var reader = root.Nested(found.Mapping, "incidentConfiguration");
        var createIncident = reader.Boolean("createIncident");
        GroupingConfiguration? grouping = null;
        if (reader.Map("groupingConfiguration") is { } groupingFound)
        {
            var groupingReader = reader.Nested(groupingFound.Mapping, "incidentConfiguration.groupingConfiguration");
            grouping = new GroupingConfiguration(groupingFound.Entry.Key.Span)
            {
                Enabled = groupingReader.Boolean("enabled"),
                ReopenClosedIncident = groupingReader.Boolean("reopenClosedIncident"),
                LookbackDuration = groupingReader.Text("lookbackDuration"),
                MatchingMethod = groupingReader.Text("matchingMethod"),
                GroupByEntities = groupingReader.TextList("groupByEntities"),
                GroupByAlertDetails = groupingReader.TextList("groupByAlertDetails"),
                GroupByCustomDetails = groupingReader.TextList("groupByCustomDetails"),
            };
            groupingReader.ReportUnknownKeys("groupingConfiguration");
        }
        reader.ReportUnknownKeys("incidentConfiguration");
        return new IncidentConfiguration(found.Entry.Key.Span) { CreateIncident = createIncident, GroupingConfiguration = grouping };
    }

    private static Located<IReadOnlyList<ContentTag>>? ReadTags(MappingReader root)
    {
        if (root.Sequence("tags") is not { } found)
        {
            return null;
        }
        var tags = new List<ContentTag>();
        foreach (var item in found.Sequence.Items)
        {
            switch (item)
            {
                case YamlScalar { IsNull: true }:
                    break;
                case YamlScalar scalar:
                    tags.Add(new ContentTag(scalar.Value, null, scalar.Span));
                    break;
                case YamlMapping mapping:
                    var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var entry in mapping.Entries)
                    {
                        // Tag maps hold short key/value text (Schema, SchemaVersion, Id, version); nested values are kept as their text span.
                        properties[entry.Key.Value] = entry.Value is YamlScalar value ? value.Value : string.Empty;
                    }
                    tags.Add(new ContentTag(null, properties, mapping.Span));
                    break;
                default:
                    root.Diagnostics.Add(LoadingCodes.WrongValueType, item.Span, $"'tags' entries must be text or a mapping, found a {item.KindName}; the entry is ignored.");
                    break;
            }
        }
        return new Located<IReadOnlyList<ContentTag>>(tags, found.Sequence.Span) { KeySpan = found.Entry.Key.Span };
    }
}
