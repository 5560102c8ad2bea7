using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>entityMappings, when present, has 1 to 10 entries.</summary>
public sealed class EntityMappingCountRule : TemplateRule
{
    public const int Maximum = 10;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.EntityMappingCount;

    public override string Description => "entityMappings has 1 to 10 entries.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is DetectionTemplate { EntityMappings: { } mappings } && mappings.Value.Count is < 1 or > Maximum)
        {
            yield return Report(item, mappings.KeySpan, $"entityMappings has {mappings.Value.Count} entries; it must have between 1 and {Maximum}.");
        }
    }
}

/// <summary>Each entity mapping has 1 to 3 field mappings.</summary>
public sealed class FieldMappingCountRule : TemplateRule
{
    public const int Maximum = 3;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.FieldMappingCount;

    public override string Description => "Each entity mapping has 1 to 3 fieldMappings.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            var count = mapping.FieldMappings?.Value.Count ?? 0;
            if (count is < 1 or > Maximum)
            {
                yield return Report(item, mapping.FieldMappings?.KeySpan ?? mapping.Span,
                    $"entityMappings[{index}] ({mapping.EntityType?.Value ?? "no type"}) has {count} fieldMappings; it must have between 1 and {Maximum}.");
            }
        }
    }
}

/// <summary>Each entity mapping names one of Sentinel's entity types.</summary>
public sealed class EntityTypeRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.EntityTypeValue;

    public override string Description => "entityType is one of Sentinel's 19 entity types.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            if (mapping.EntityType is not { } type)
            {
                yield return Report(item, mapping.Span, $"entityMappings[{index}] has no entityType.");
            }
            else if (EntityCatalog.Find(type.Value) is null)
            {
                var suggestion = EntityCatalog.Suggest(type.Value);
                var hint = suggestion is null ? $" Valid types: {string.Join(", ", EntityCatalog.All.Select(e => e.Name))}." : $" Did you mean '{suggestion}'?";
                yield return Report(item, type.Span, $"entityType '{type.Value}' is not a Sentinel entity type.{hint}");
            }
        }
    }
}

/// <summary>Each field mapping's identifier is valid for its entity type.</summary>
public sealed class EntityIdentifierRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.IdentifierValue;

    public override string Description => "Each identifier is valid for its entity type.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            if (EntityCatalog.Find(mapping.EntityType?.Value) is not { } entity)
            {
                continue;
            }
            foreach (var field in mapping.FieldMappings?.Value ?? [])
            {
                if (field.Identifier is not { } identifier)
                {
                    yield return Report(item, field.Span, $"A fieldMappings entry of entityMappings[{index}] ({entity.Name}) has no identifier.");
                }
                else if (!entity.Identifiers.Contains(identifier.Value.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    yield return Report(item, identifier.Span,
                        $"Invalid identifier '{identifier.Value}' for entity type '{entity.Name}'. Valid identifiers are: {string.Join(", ", entity.Identifiers)}.");
                }
            }
        }
    }
}

/// <summary>Each entity mapping maps at least one of its type's required identifier combinations.</summary>
public sealed class RequiredIdentifiersRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.RequiredIdentifiers;

    public override string Description => "Each entity mapping maps one of its type's required identifier combinations (e.g. Account: FullName, Sid, Name, AadUserId, PUID or ObjectGuid).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            if (EntityCatalog.Find(mapping.EntityType?.Value) is not { } entity || mapping.FieldMappings is not { Value.Count: > 0 } fields)
            {
                continue;
            }
            var mapped = new HashSet<string>(fields.Value.Select(f => f.Identifier?.Value.Trim() ?? string.Empty), StringComparer.OrdinalIgnoreCase);
            if (!entity.RequiredSets.Any(set => set.All(mapped.Contains)))
            {
                var options = string.Join(" or ", entity.RequiredSets.Select(set => "{" + string.Join(", ", set) + "}"));
                yield return Report(item, mapping.EntityType!.Span,
                    $"Missing required identifiers in entityMappings[{index}] for type '{entity.Name}'. Required identifiers are one of the following combinations: {options}.");
            }
        }
    }
}

/// <summary>An identifier appears at most once within one entity mapping.</summary>
public sealed class DuplicateIdentifierRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.DuplicateIdentifier;

    public override string Description => "An identifier is mapped at most once per entity mapping.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var identifier in (mapping.FieldMappings?.Value ?? []).Select(f => f.Identifier).OfType<Located<string>>())
            {
                if (!seen.Add(identifier.Value.Trim()))
                {
                    yield return Report(item, identifier.Span,
                        $"Identifier '{identifier.Value}' is defined multiple times in entityMappings[{index}]. Identifiers used in 'fieldMappings' must be unique.");
                }
            }
        }
    }
}

/// <summary>A field mapping's columnName is a valid column name (letter or underscore first, then letters, digits, underscores; at most 500).</summary>
public sealed partial class ColumnNameRule : TemplateRule
{
    public const int MaxLength = 500;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.ColumnNameFormat;

    public override string Description => "columnName starts with a letter or underscore, holds only letters, digits and underscores, and has at most 500 characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        foreach (var (mapping, index) in EntityMappingRuleHelpers.Mappings(item))
        {
            foreach (var field in mapping.FieldMappings?.Value ?? [])
            {
                if (field.ColumnName is not { } column)
                {
                    yield return Report(item, field.Span, $"A fieldMappings entry of entityMappings[{index}] has no columnName.");
                }
                else if (!ColumnPattern().IsMatch(column.Value))
                {
                    yield return Report(item, column.Span,
                        $"The ColumnName '{column.Value}' is invalid. The value must start with a letter or underscore, and contain only alphanumeric English characters.");
                }
                else if (column.Value.Length > MaxLength)
                {
                    yield return Report(item, column.Span, $"columnName is {column.Value.Length} characters long; the limit is {MaxLength}.");
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z_]+\w*$")]
    internal static partial Regex ColumnPattern();
}

internal static class EntityMappingRuleHelpers
{
    public static IEnumerable<(EntityMapping Mapping, int Index)> Mappings(ContentItem item) =>
        item is DetectionTemplate { EntityMappings: { } mappings } ? mappings.Value.Select((m, i) => (m, i)) : [];
}
