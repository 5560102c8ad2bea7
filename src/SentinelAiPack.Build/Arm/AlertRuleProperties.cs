using System.Text.Json.Nodes;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// The properties of an analytics rule in the shapes of Microsoft.SecurityInsights (AlertRules.json): the rule that
/// Repositories and <c>aipack deploy</c> create, and the rule template a Content Hub package ships. The pack's
/// <c>aipack:</c> block is never copied. Every value comes from content and is ARM-escaped.
/// </summary>
public static class AlertRuleProperties
{
    /// <summary>Suppression Sentinel requires on a rule when the template names none (disabled, so it does nothing).</summary>
    public const string DefaultSuppressionDuration = "PT5H";

    /// <summary>True when the rule needs the preview api version: kind NRT or sub-techniques (absent from GA).</summary>
    public static bool NeedsPreview(AnalyticRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.RuleKind == AnalyticRuleKind.NRT || TemplateValues.SubTechniques(rule).Count > 0;
    }

    public static string ApiVersionFor(AnalyticRule rule) => NeedsPreview(rule) ? ApiVersions.AlertRulesPreview : ApiVersions.AlertRules;

    /// <summary>Properties of the deployed rule (alertRules). Returns null and explains why when a required value is unusable.</summary>
    public static JsonObject? ForRule(AnalyticRule rule, string templateId, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var properties = Common(rule, includeSubTechniques: NeedsPreview(rule), out problem);
        if (properties is null)
        {
            return null;
        }
        properties["enabled"] = true;
        properties["suppressionDuration"] = TemplateValues.Duration(rule.SuppressionDuration) ?? DefaultSuppressionDuration;
        properties["suppressionEnabled"] = rule.SuppressionEnabled?.Value ?? false;
        properties["incidentConfiguration"] = IncidentConfiguration(rule.IncidentConfiguration);
        properties["alertRuleTemplateName"] = templateId;
        if (rule.Version?.Value.Trim() is { Length: > 0 } version)
        {
            properties["templateVersion"] = version;
        }
        return ArmLiteral.EscapeAll(properties);
    }

    /// <summary>Properties of the rule template in a Content Hub package (AlertRuleTemplates).</summary>
    public static JsonObject? ForTemplate(AnalyticRule rule, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var properties = Common(rule, includeSubTechniques: false, out problem);
        if (properties is null)
        {
            return null;
        }
        properties["status"] = rule.Status?.Value.Trim() is { Length: > 0 } status ? status : "Available";
        properties["requiredDataConnectors"] = new JsonArray([.. (rule.RequiredDataConnectors?.Value ?? []).Select(c => new JsonObject
        {
            ["connectorId"] = c.ConnectorId?.Value.Trim(),
            ["dataTypes"] = new JsonArray([.. (c.DataTypes?.Value ?? []).Select(t => (JsonNode)JsonValue.Create(t.Value.Trim()))]),
        })]);
        properties["version"] = rule.Version?.Value.Trim();
        return ArmLiteral.EscapeAll(properties);
    }

    private static JsonObject? Common(AnalyticRule rule, bool includeSubTechniques, out string? problem)
    {
        problem = null;
        var severity = TemplateValues.Severity(rule.Severity?.Value);
        if (rule.RuleKind is not { } kind)
        {
            problem = $"kind '{rule.KindText?.Value}' is not Scheduled or NRT";
            return null;
        }
        if (severity is null)
        {
            problem = $"severity '{rule.Severity?.Value}' is not Informational, Low, Medium or High";
            return null;
        }
        if (string.IsNullOrWhiteSpace(rule.Query?.Text))
        {
            problem = "the rule has no query";
            return null;
        }
        var properties = new JsonObject
        {
            ["displayName"] = rule.Name?.Value.Trim(),
            ["description"] = rule.Description?.Value.Trim() ?? string.Empty,
            ["severity"] = severity,
            ["query"] = rule.Query!.Text,
            ["tactics"] = Strings(TemplateValues.Tactics(rule)),
            ["techniques"] = Strings(TemplateValues.Techniques(rule)),
        };
        if (includeSubTechniques)
        {
            properties["subTechniques"] = Strings(TemplateValues.SubTechniques(rule));
        }
        if (kind == AnalyticRuleKind.Scheduled && !AddSchedule(rule, properties, out problem))
        {
            return null;
        }
        if (EntityMappings(rule) is { } mappings)
        {
            properties["entityMappings"] = mappings;
        }
        if (rule.CustomDetails?.Value is { Count: > 0 } details)
        {
            var custom = new JsonObject();
            foreach (var detail in details)
            {
                custom[detail.Key.Value.Trim()] = detail.Column?.Value.Trim();
            }
            properties["customDetails"] = custom;
        }
        if (AlertDetailsOverride(rule.AlertDetailsOverride) is { } overrides)
        {
            properties["alertDetailsOverride"] = overrides;
        }
        properties["eventGroupingSettings"] = new JsonObject
        {
            ["aggregationKind"] = rule.EventGroupingSettings?.AggregationKind?.Value.Trim() is { Length: > 0 } aggregation ? aggregation : "SingleAlert",
        };
        return properties;
    }

    private static bool AddSchedule(AnalyticRule rule, JsonObject properties, out string? problem)
    {
        problem = null;
        var frequency = TemplateValues.Duration(rule.QueryFrequency);
        var period = TemplateValues.Duration(rule.QueryPeriod);
        var trigger = TemplateValues.TriggerOperator(rule.TriggerOperator?.Value);
        if (frequency is null || period is null)
        {
            problem = "queryFrequency and queryPeriod must be durations such as 5m, 1h or 1d";
            return false;
        }
        if (trigger is null)
        {
            problem = $"triggerOperator '{rule.TriggerOperator?.Value}' is not gt, lt, eq or ne";
            return false;
        }
        properties["queryFrequency"] = frequency;
        properties["queryPeriod"] = period;
        properties["triggerOperator"] = trigger;
        properties["triggerThreshold"] = rule.TriggerThreshold?.Value ?? 0;
        return true;
    }

    private static JsonArray? EntityMappings(DetectionTemplate template)
    {
        if (template.EntityMappings?.Value is not { Count: > 0 } mappings)
        {
            return null;
        }
        return new JsonArray([.. mappings.Select(mapping => (JsonNode)new JsonObject
        {
            ["entityType"] = mapping.EntityType?.Value.Trim(),
            ["fieldMappings"] = new JsonArray([.. (mapping.FieldMappings?.Value ?? []).Select(field => (JsonNode)new JsonObject
            {
                ["identifier"] = field.Identifier?.Value.Trim(),
                ["columnName"] = field.ColumnName?.Value.Trim(),
            })]),
        })]);
    }

    private static JsonObject? AlertDetailsOverride(AlertDetailsOverride? source)
    {
        if (source is null)
        {
            return null;
        }
        var result = new JsonObject();
        AddText(result, "alertDisplayNameFormat", source.AlertDisplayNameFormat);
        AddText(result, "alertDescriptionFormat", source.AlertDescriptionFormat);
        AddText(result, "alertTacticsColumnName", source.AlertTacticsColumnName);
        AddText(result, "alertSeverityColumnName", source.AlertSeverityColumnName);
        if (source.AlertDynamicProperties.Count > 0)
        {
            result["alertDynamicProperties"] = new JsonArray([.. source.AlertDynamicProperties.Select(p => (JsonNode)new JsonObject
            {
                ["alertProperty"] = p.AlertProperty?.Value.Trim(),
                ["value"] = p.Value?.Value.Trim(),
            })]);
        }
        return result.Count > 0 ? result : null;
    }

    private static JsonObject IncidentConfiguration(IncidentConfiguration? source)
    {
        var grouping = source?.GroupingConfiguration;
        return new JsonObject
        {
            ["createIncident"] = source?.CreateIncident?.Value ?? true,
            ["groupingConfiguration"] = new JsonObject
            {
                ["enabled"] = grouping?.Enabled?.Value ?? false,
                ["reopenClosedIncident"] = grouping?.ReopenClosedIncident?.Value ?? false,
                ["lookbackDuration"] = TemplateValues.Duration(grouping?.LookbackDuration) ?? "PT5H",
                ["matchingMethod"] = grouping?.MatchingMethod?.Value.Trim() is { Length: > 0 } method ? method : "AllEntities",
                ["groupByEntities"] = Strings((grouping?.GroupByEntities?.Value ?? []).Select(v => v.Value.Trim())),
                ["groupByAlertDetails"] = Strings((grouping?.GroupByAlertDetails?.Value ?? []).Select(v => v.Value.Trim())),
                ["groupByCustomDetails"] = Strings((grouping?.GroupByCustomDetails?.Value ?? []).Select(v => v.Value.Trim())),
            },
        };
    }

    private static void AddText(JsonObject target, string name, Located<string>? value)
    {
        if (value?.Value is { } text && !string.IsNullOrWhiteSpace(text))
        {
            target[name] = text.Trim();
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
