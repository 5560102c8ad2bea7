using System.Xml;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// YAML template values in the form the Sentinel API takes (sentinel-content-format.md §4.3): durations as ISO 8601
/// (<c>5m</c> → <c>PT5M</c>, <c>1d</c> → <c>P1D</c>), trigger operators spelled out (<c>gt</c> → <c>GreaterThan</c>),
/// severities and tactics in their enum spelling, techniques split into techniques and sub-techniques.
/// </summary>
public static class TemplateValues
{
    /// <summary>ISO 8601 duration of a template duration, or null when it is missing or not a duration.</summary>
    public static string? Duration(Located<string>? text) =>
        text is not null && SentinelDuration.TryParse(text.Value, out var value, out _) ? Iso(value) : null;

    public static string Iso(TimeSpan value) => XmlConvert.ToString(value);

    public static string? TriggerOperator(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "gt" or "greaterthan" => "GreaterThan",
        "lt" or "lessthan" => "LessThan",
        "eq" or "equal" => "Equal",
        "ne" or "notequal" => "NotEqual",
        _ => null,
    };

    public static string? Severity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "informational" => "Informational",
        "low" => "Low",
        "medium" => "Medium",
        "high" => "High",
        _ => null,
    };

    public static IReadOnlyList<string> Tactics(DetectionTemplate template) =>
        Distinct((template.Tactics?.Value ?? []).Select(t => SentinelTactics.Canonical(t.Value) ?? t.Value.Trim()));

    /// <summary>Parent technique ids (<c>T1234</c>) of every listed technique, in first-seen order.</summary>
    public static IReadOnlyList<string> Techniques(DetectionTemplate template) =>
        Distinct(AllTechniques(template).Select(AttackTechniqueCatalog.ParentOf));

    /// <summary>The sub-technique ids (<c>T1234.001</c>) listed, in first-seen order.</summary>
    public static IReadOnlyList<string> SubTechniques(DetectionTemplate template) =>
        Distinct(AllTechniques(template).Where(t => t.Contains('.', StringComparison.Ordinal)));

    /// <summary>Every listed technique id, upper-cased, as written.</summary>
    public static IReadOnlyList<string> AllTechniques(DetectionTemplate template) =>
        Distinct((template.RelevantTechniques?.Value ?? []).Select(t => t.Value.Trim().ToUpperInvariant()).Where(t => t.Length > 0));

    private static List<string> Distinct(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
