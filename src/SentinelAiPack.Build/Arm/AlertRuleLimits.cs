using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// Checks a generated alertRules resource against the limits the Sentinel API enforces (sentinel-content-format.md
/// §1.2–1.5, Microsoft.SecurityInsights AlertRules.json): lengths, ranges, enums, entity and custom-detail shapes,
/// incident grouping. The build runs it on its own output, so a generator bug cannot ship a template the API rejects.
/// </summary>
public static partial class AlertRuleLimits
{
    private static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];
    private static readonly string[] TriggerOperators = ["GreaterThan", "LessThan", "Equal", "NotEqual"];
    private static readonly string[] AggregationKinds = ["SingleAlert", "AlertPerResult"];
    private static readonly string[] MatchingMethods = ["AllEntities", "AnyAlert", "Selected"];
    private static readonly string[] AlertDetails = ["DisplayName", "Severity"];
    private static readonly TimeSpan MinimumSchedule = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaximumSchedule = TimeSpan.FromDays(14);

    /// <summary>Every problem of <paramref name="resource"/>; empty when it is within every limit.</summary>
    public static IReadOnlyList<string> Check(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var problems = new List<string>();
        var kind = Text(resource, "kind");
        var apiVersion = Text(resource, "apiVersion");
        if (Text(resource, "type") != ApiVersions.AlertRuleType)
        {
            problems.Add($"type must be {ApiVersions.AlertRuleType}");
        }
        if (apiVersion is not (ApiVersions.AlertRules or ApiVersions.AlertRulesPreview))
        {
            problems.Add($"apiVersion '{apiVersion}' is not {ApiVersions.AlertRules} or {ApiVersions.AlertRulesPreview}");
        }
        if (kind is not ("Scheduled" or "NRT"))
        {
            problems.Add($"kind '{kind}' is not Scheduled or NRT");
        }
        if (kind == "NRT" && apiVersion == ApiVersions.AlertRules)
        {
            problems.Add($"kind NRT is not in the GA api version {ApiVersions.AlertRules}");
        }
        if (resource["properties"] is not JsonObject properties)
        {
            problems.Add("properties missing");
            return problems;
        }
        if (properties.ContainsKey("subTechniques") && apiVersion == ApiVersions.AlertRules)
        {
            problems.Add($"subTechniques is not in the GA api version {ApiVersions.AlertRules}");
        }
        Length(problems, properties, "displayName", 1, 256);
        Length(problems, properties, "description", 0, 5000);
        Length(problems, properties, "query", 1, 10000);
        OneOf(problems, properties, "severity", Severities);
        if (Text(properties, "templateVersion") is { } version && !VersionPattern().IsMatch(version))
        {
            problems.Add($"templateVersion '{version}' is not x.y.z");
        }
        foreach (var tactic in Strings(properties["tactics"]))
        {
            if (SentinelTactics.Canonical(tactic) != tactic)
            {
                problems.Add($"tactic '{tactic}' is not a Sentinel tactic");
            }
        }
        foreach (var technique in Strings(properties["techniques"]))
        {
            if (!TechniquePattern().IsMatch(technique))
            {
                problems.Add($"technique '{technique}' is not a parent technique id (T1234)");
            }
        }
        if (kind == "Scheduled")
        {
            CheckSchedule(problems, properties);
        }
        Duration(problems, properties, "suppressionDuration", required: true);
        CheckEntityMappings(problems, properties);
        CheckCustomDetails(problems, properties);
        CheckAlertDetailsOverride(problems, properties);
        if (properties["eventGroupingSettings"] is JsonObject grouping)
        {
            OneOf(problems, grouping, "aggregationKind", AggregationKinds);
        }
        CheckIncidentConfiguration(problems, properties);
        return problems;
    }

    private static void CheckSchedule(List<string> problems, JsonObject properties)
    {
        var frequency = Duration(problems, properties, "queryFrequency", required: true);
        var period = Duration(problems, properties, "queryPeriod", required: true);
        foreach (var (name, value) in new[] { ("queryFrequency", frequency), ("queryPeriod", period) })
        {
            if (value is { } span && (span < MinimumSchedule || span > MaximumSchedule))
            {
                problems.Add($"{name} {XmlConvert.ToString(span)} is outside PT5M..P14D");
            }
        }
        if (frequency is { } f && period is { } p)
        {
            if (p < f)
            {
                problems.Add("queryPeriod is shorter than queryFrequency");
            }
            if (p >= TimeSpan.FromDays(2) && f < TimeSpan.FromHours(1))
            {
                problems.Add("a queryPeriod of 2 days or more needs a queryFrequency of at least 1 hour");
            }
        }
        OneOf(problems, properties, "triggerOperator", TriggerOperators);
        if (properties["triggerThreshold"] is not JsonValue threshold || !threshold.TryGetValue<int>(out var count) || count is < 0 or > 10000)
        {
            problems.Add("triggerThreshold must be an integer 0..10000");
        }
    }

    private static void CheckEntityMappings(List<string> problems, JsonObject properties)
    {
        if (properties["entityMappings"] is not JsonArray mappings)
        {
            return;
        }
        if (mappings.Count is < 1 or > 10)
        {
            problems.Add($"entityMappings has {mappings.Count} entities (1..10 allowed)");
        }
        foreach (var mapping in mappings.OfType<JsonObject>())
        {
            var type = Text(mapping, "entityType");
            if (type is null || EntityCatalog.Find(type)?.Name != type)
            {
                problems.Add($"entity type '{type}' is not a Sentinel entity type");
            }
            var fields = mapping["fieldMappings"] as JsonArray ?? [];
            if (fields.Count is < 1 or > 3)
            {
                problems.Add($"entity {type} has {fields.Count} field mappings (1..3 allowed)");
            }
            var identifiers = fields.OfType<JsonObject>().Select(f => Text(f, "identifier")).ToList();
            if (identifiers.Distinct(StringComparer.Ordinal).Count() != identifiers.Count)
            {
                problems.Add($"entity {type} maps an identifier twice");
            }
            foreach (var column in fields.OfType<JsonObject>().Select(f => Text(f, "columnName")))
            {
                if (column is null || column.Length > 500 || !ColumnPattern().IsMatch(column))
                {
                    problems.Add($"entity {type} column '{column}' is not a valid column name");
                }
            }
        }
    }

    private static void CheckCustomDetails(List<string> problems, JsonObject properties)
    {
        if (properties["customDetails"] is not JsonObject details)
        {
            return;
        }
        if (details.Count > 20)
        {
            problems.Add($"customDetails has {details.Count} entries (20 allowed)");
        }
        foreach (var (key, value) in details)
        {
            if (key.Length > 20 || !DetailKeyPattern().IsMatch(key))
            {
                problems.Add($"custom detail key '{key}' must be at most 20 characters, a letter then letters, digits or _");
            }
            var column = value is JsonValue v && v.TryGetValue<string>(out var text) ? ArmLiteral.Unescape(text) : null;
            if (column is null || column.Length > 500 || !ColumnPattern().IsMatch(column))
            {
                problems.Add($"custom detail '{key}' column '{column}' is not a valid column name");
            }
        }
    }

    private static void CheckAlertDetailsOverride(List<string> problems, JsonObject properties)
    {
        if (properties["alertDetailsOverride"] is not JsonObject overrides)
        {
            return;
        }
        foreach (var (name, max) in new[] { ("alertDisplayNameFormat", 256), ("alertDescriptionFormat", 5000) })
        {
            if (Text(overrides, name) is not { } format)
            {
                continue;
            }
            if (format.Length is 0 || format.Length > max)
            {
                problems.Add($"{name} has {format.Length} characters (1..{max} allowed)");
            }
            var placeholders = PlaceholderPattern().Matches(format).Count;
            if (placeholders > 3)
            {
                problems.Add($"{name} has {placeholders} {{{{column}}}} placeholders (3 allowed)");
            }
        }
    }

    private static void CheckIncidentConfiguration(List<string> problems, JsonObject properties)
    {
        if (properties["incidentConfiguration"] is not JsonObject incident)
        {
            return;
        }
        if (incident["createIncident"] is not JsonValue create || !create.TryGetValue<bool>(out _))
        {
            problems.Add("incidentConfiguration.createIncident must be true or false");
        }
        if (incident["groupingConfiguration"] is not JsonObject grouping)
        {
            return;
        }
        Duration(problems, grouping, "lookbackDuration", required: true);
        var method = OneOf(problems, grouping, "matchingMethod", MatchingMethods);
        var entities = Strings(grouping["groupByEntities"]);
        var details = Strings(grouping["groupByAlertDetails"]);
        var custom = Strings(grouping["groupByCustomDetails"]);
        if (method == "Selected" && entities.Count + details.Count + custom.Count == 0)
        {
            problems.Add("matchingMethod Selected needs groupByEntities, groupByAlertDetails or groupByCustomDetails");
        }
        var mapped = (properties["entityMappings"] as JsonArray ?? []).OfType<JsonObject>().Select(m => Text(m, "entityType")).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in entities.Where(e => !mapped.Contains(e)))
        {
            problems.Add($"groupByEntities names {entity}, which the rule does not map");
        }
        foreach (var detail in details.Where(d => !AlertDetails.Contains(d)))
        {
            problems.Add($"groupByAlertDetails value '{detail}' is not DisplayName or Severity");
        }
        var keys = (properties["customDetails"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in custom.Where(k => !keys.Contains(k)))
        {
            problems.Add($"groupByCustomDetails names '{key}', which is not a custom detail of the rule");
        }
    }

    private static TimeSpan? Duration(List<string> problems, JsonObject owner, string name, bool required)
    {
        var text = Text(owner, name);
        if (text is null)
        {
            if (required)
            {
                problems.Add($"{name} missing");
            }
            return null;
        }
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            problems.Add($"{name} '{text}' is not an ISO 8601 duration");
            return null;
        }
    }

    private static void Length(List<string> problems, JsonObject owner, string name, int min, int max)
    {
        var length = Text(owner, name)?.Length ?? 0;
        if (length < min || length > max)
        {
            problems.Add($"{name} has {length} characters ({min}..{max} allowed)");
        }
    }

    private static string? OneOf(List<string> problems, JsonObject owner, string name, string[] allowed)
    {
        var value = Text(owner, name);
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            problems.Add($"{name} '{value}' is not one of {string.Join(", ", allowed)}");
        }
        return value;
    }

    private static string? Text(JsonObject owner, string name) =>
        owner[name] is JsonValue value && value.TryGetValue<string>(out var text) ? ArmLiteral.Unescape(text) : null;

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? ArmLiteral.Unescape(s) : string.Empty).ToList();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^T\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex TechniquePattern();

    [GeneratedRegex(@"^[a-zA-Z_]+\w*$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"^[a-zA-Z]+\w*$", RegexOptions.CultureInvariant)]
    private static partial Regex DetailKeyPattern();

    [GeneratedRegex(@"{{([^{}]*)}}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
