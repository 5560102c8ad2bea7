using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Enrichment.Playbooks;
using SentinelAiPack.Telemetry.Arm;
using SentinelAiPack.Workbooks.Generation;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Build.Lock;

/// <summary>
/// The SHA-256 of what an item does, so that changing it without raising its version is caught. Hashed, after
/// normalization (line endings to LF, trailing spaces and leading/trailing blank lines removed from the query;
/// durations as ISO 8601; trigger operator and severity in their API spelling):
/// <list type="bullet">
/// <item>analytics rules: kind, query, queryFrequency, queryPeriod, triggerOperator, triggerThreshold, severity,
/// entityMappings, customDetails, alertDetailsOverride, eventGroupingSettings, incidentConfiguration,
/// suppressionDuration, suppressionEnabled;</item>
/// <item>hunting queries: query, entityMappings;</item>
/// <item>parsers: function name and alias, parameters (name, type, default), query.</item>
/// </list>
/// Not hashed, because they change no detection: name, description, tactics, techniques, requiredDataConnectors,
/// status, tags, metadata and the <c>aipack:</c> block. A comment edit inside the query is a query change.
/// Workbooks, playbooks and automation rules are generated; their hash covers the generated content a deployment
/// installs (see <see cref="Compute(WorkbookSpec)"/>, <see cref="ComputePlaybook"/>, <see cref="ComputeAutomationRule"/>).
/// </summary>
public static class LogicHash
{
    public static string Compute(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var logic = item switch
        {
            AnalyticRule rule => RuleLogic(rule),
            HuntingQuery query => new JsonObject
            {
                ["query"] = NormalizeQuery(query.Query?.Text),
                ["entityMappings"] = EntityMappings(query),
            },
            ParserFunction parser => ParserLogic(parser),
            _ => new JsonObject { ["query"] = NormalizeQuery(item.Query?.Text) },
        };
        return Of(logic);
    }

    /// <summary>
    /// A workbook's logic: its generated gallery template (every parameter, section, text and tile with its query and
    /// visualization) without the header item (title and description, like a rule's name and description) and with the
    /// rule catalog left out (<c>AIPackRules</c> is generated from the analytics rules, which the lock tracks themselves,
    /// so adding a rule does not demand a bump of every workbook). Gallery metadata (subtitle, data types, connectors,
    /// logo) and the version are not in the template, so not hashed.
    /// </summary>
    public static string Compute(WorkbookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var gallery = GalleryTemplateWriter.Write(spec, RuleCatalog.Empty);
        if (gallery["items"] is JsonArray items && items.FirstOrDefault() is JsonObject first && first["name"]?.GetValue<string>() == GalleryTemplateWriter.HeaderItemName)
        {
            items.RemoveAt(0);
        }
        return Of(gallery);
    }

    /// <summary>A playbook's logic: its generated template without <c>metadata</c> (gallery text and release notes).</summary>
    public static string ComputePlaybook(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var logic = (JsonObject)template.DeepClone();
        logic.Remove("metadata");
        return Of(logic);
    }

    /// <summary>
    /// An automation rule's logic: its generated template without <c>metadata</c> and without the default list of
    /// watched analytics rules, which follows the content (every rule of the enricher's alert types) and would otherwise
    /// demand a bump whenever a rule is added.
    /// </summary>
    public static string ComputeAutomationRule(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var logic = (JsonObject)template.DeepClone();
        logic.Remove("metadata");
        if (logic["parameters"]?[AutomationRuleTemplate.AnalyticRuleIdsParameter] is JsonObject watched)
        {
            watched.Remove("defaultValue");
        }
        return Of(logic);
    }

    private static string Of(JsonNode logic)
    {
        var bytes = Encoding.UTF8.GetBytes(CanonicalJson.Serialize(logic));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Query text with LF line endings, no trailing spaces, no leading or trailing blank lines.</summary>
    public static string NormalizeQuery(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return string.Join('\n', lines);
    }

    private static JsonObject RuleLogic(AnalyticRule rule)
    {
        var overrides = rule.AlertDetailsOverride;
        var grouping = rule.IncidentConfiguration?.GroupingConfiguration;
        return new JsonObject
        {
            ["kind"] = rule.RuleKind?.ToString() ?? rule.KindText?.Value.Trim(),
            ["query"] = NormalizeQuery(rule.Query?.Text),
            ["queryFrequency"] = TemplateValues.Duration(rule.QueryFrequency) ?? rule.QueryFrequency?.Value.Trim(),
            ["queryPeriod"] = TemplateValues.Duration(rule.QueryPeriod) ?? rule.QueryPeriod?.Value.Trim(),
            ["triggerOperator"] = TemplateValues.TriggerOperator(rule.TriggerOperator?.Value) ?? rule.TriggerOperator?.Value.Trim(),
            ["triggerThreshold"] = rule.TriggerThreshold?.Value,
            ["severity"] = TemplateValues.Severity(rule.Severity?.Value) ?? rule.Severity?.Value.Trim(),
            ["entityMappings"] = EntityMappings(rule),
            ["customDetails"] = new JsonArray([.. (rule.CustomDetails?.Value ?? []).Select(d => (JsonNode)new JsonArray(d.Key.Value.Trim(), d.Column?.Value.Trim()))]),
            ["alertDetailsOverride"] = overrides is null ? null : new JsonObject
            {
                ["alertDisplayNameFormat"] = overrides.AlertDisplayNameFormat?.Value.Trim(),
                ["alertDescriptionFormat"] = overrides.AlertDescriptionFormat?.Value.Trim(),
                ["alertTacticsColumnName"] = overrides.AlertTacticsColumnName?.Value.Trim(),
                ["alertSeverityColumnName"] = overrides.AlertSeverityColumnName?.Value.Trim(),
                ["alertDynamicProperties"] = new JsonArray([.. overrides.AlertDynamicProperties.Select(p => (JsonNode)new JsonArray(p.AlertProperty?.Value.Trim(), p.Value?.Value.Trim()))]),
            },
            ["eventGroupingSettings"] = rule.EventGroupingSettings?.AggregationKind?.Value.Trim(),
            ["incidentConfiguration"] = rule.IncidentConfiguration is null ? null : new JsonObject
            {
                ["createIncident"] = rule.IncidentConfiguration.CreateIncident?.Value,
                ["enabled"] = grouping?.Enabled?.Value,
                ["reopenClosedIncident"] = grouping?.ReopenClosedIncident?.Value,
                ["lookbackDuration"] = TemplateValues.Duration(grouping?.LookbackDuration) ?? grouping?.LookbackDuration?.Value.Trim(),
                ["matchingMethod"] = grouping?.MatchingMethod?.Value.Trim(),
                ["groupByEntities"] = Texts(grouping?.GroupByEntities?.Value),
                ["groupByAlertDetails"] = Texts(grouping?.GroupByAlertDetails?.Value),
                ["groupByCustomDetails"] = Texts(grouping?.GroupByCustomDetails?.Value),
            },
            ["suppressionDuration"] = TemplateValues.Duration(rule.SuppressionDuration) ?? rule.SuppressionDuration?.Value.Trim(),
            ["suppressionEnabled"] = rule.SuppressionEnabled?.Value,
        };
    }

    private static JsonObject ParserLogic(ParserFunction parser) => new()
    {
        ["functionName"] = parser.FunctionName?.Value.Trim(),
        ["functionAlias"] = parser.FunctionAlias?.Value.Trim(),
        ["parameters"] = new JsonArray([.. parser.Parameters.Select(p => (JsonNode)new JsonArray(
            p.Name?.Value.Trim(),
            KustoType.Normalize(p.Type?.Value) ?? p.Type?.Value.Trim(),
            p.Default?.Value.Trim()))]),
        ["query"] = NormalizeQuery(parser.Query?.Text),
    };

    private static JsonArray EntityMappings(DetectionTemplate template) =>
        new([.. (template.EntityMappings?.Value ?? []).Select(m => (JsonNode)new JsonObject
        {
            ["entityType"] = m.EntityType?.Value.Trim(),
            ["fieldMappings"] = new JsonArray([.. (m.FieldMappings?.Value ?? []).Select(f => (JsonNode)new JsonArray(f.Identifier?.Value.Trim(), f.ColumnName?.Value.Trim()))]),
        })]);

    private static JsonArray Texts(IReadOnlyList<Located<string>>? values) =>
        new([.. (values ?? []).Select(v => (JsonNode)JsonValue.Create(v.Value.Trim()))]);
}
