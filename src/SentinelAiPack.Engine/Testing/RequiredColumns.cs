using System.Text.RegularExpressions;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Engine.Testing;

/// <summary>
/// The output columns an alert needs filled: entity-mapping columns, custom-detail columns, and the columns
/// alertDetailsOverride reads ({{Column}} placeholders, tactics/severity columns, dynamic property values).
/// </summary>
public static partial class RequiredColumns
{
    public static IReadOnlyList<(string Column, string Purpose)> Of(DetectionTemplate item)
    {
        var columns = new List<(string, string)>();
        foreach (var mapping in item.EntityMappings?.Value ?? [])
        {
            foreach (var field in mapping.FieldMappings?.Value ?? [])
            {
                if (field.ColumnName?.Value is { Length: > 0 } column)
                {
                    columns.Add((column, $"entity {mapping.EntityType?.Value}.{field.Identifier?.Value}"));
                }
            }
        }
        foreach (var detail in item.CustomDetails?.Value ?? [])
        {
            if (detail.Column?.Value is { Length: > 0 } column)
            {
                columns.Add((column, $"custom detail {detail.Key.Value}"));
            }
        }
        if (item.AlertDetailsOverride is { } alert)
        {
            foreach (var format in new[] { alert.AlertDisplayNameFormat, alert.AlertDescriptionFormat })
            {
                foreach (Match match in Placeholder().Matches(format?.Value ?? ""))
                {
                    columns.Add((match.Groups[1].Value, "alert details {{" + match.Groups[1].Value + "}}"));
                }
            }
            if (alert.AlertTacticsColumnName?.Value is { Length: > 0 } tactics)
            {
                columns.Add((tactics, "alert tactics column"));
            }
            if (alert.AlertSeverityColumnName?.Value is { Length: > 0 } severity)
            {
                columns.Add((severity, "alert severity column"));
            }
            foreach (var property in alert.AlertDynamicProperties)
            {
                if (property.Value?.Value is { Length: > 0 } column)
                {
                    columns.Add((column, $"alert property {property.AlertProperty?.Value}"));
                }
            }
        }
        return columns.DistinctBy(c => c.Item1, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
