using System.Text.RegularExpressions;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// What an alert takes from result rows: entity mappings (type → identifier columns), custom details (key → column),
/// the display name format (<c>{{Column}}</c> placeholders) and the dynamic severity column.
/// </summary>
public sealed partial record AlertShape(
    IReadOnlyList<AlertShape.EntityMapping> Entities,
    IReadOnlyList<(string Key, string Column)> CustomDetails,
    string? DisplayNameFormat,
    string? SeverityColumn)
{
    public static AlertShape None { get; } = new([], [], null, null);

    public sealed record EntityMapping(string EntityType, IReadOnlyList<(string Identifier, string Column)> Fields);

    public static AlertShape Of(DetectionTemplate item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entities = (item.EntityMappings?.Value ?? [])
            .Where(m => m.EntityType?.Value is { Length: > 0 })
            .Select(m => new EntityMapping(m.EntityType!.Value, (m.FieldMappings?.Value ?? [])
                .Where(f => f.Identifier?.Value is { Length: > 0 } && f.ColumnName?.Value is { Length: > 0 })
                .Select(f => (f.Identifier!.Value, f.ColumnName!.Value)).ToList()))
            .ToList();
        var details = (item.CustomDetails?.Value ?? [])
            .Where(d => d.Column?.Value is { Length: > 0 })
            .Select(d => (d.Key.Value, d.Column!.Value)).ToList();
        return new AlertShape(entities, details, item.AlertDetailsOverride?.AlertDisplayNameFormat?.Value,
            item.AlertDetailsOverride?.AlertSeverityColumnName?.Value is { Length: > 0 } column ? column : null);
    }

    /// <summary>The display name with each <c>{{Column}}</c> replaced by the row's value (empty when the column is missing).</summary>
    public string RenderDisplayName(string fallback, Func<string, string?> value) =>
        DisplayNameFormat is null ? fallback : Placeholder().Replace(DisplayNameFormat, m => value(m.Groups[1].Value) ?? "");

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
