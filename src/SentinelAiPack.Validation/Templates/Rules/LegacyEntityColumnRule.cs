using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>
/// A query that still produces a legacy <c>*CustomEntity</c> column must map it in entityMappings (Sentinel's
/// NewEntityMappings check looks for the column name anywhere in the query text).
/// </summary>
public sealed class LegacyEntityColumnRule : TemplateRule
{
    public static IReadOnlyList<string> LegacyColumns { get; } =
        ["AccountCustomEntity", "HostCustomEntity", "IPCustomEntity", "URLCustomEntity", "ProcessCustomEntity", "FileHashCustomEntity"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.LegacyEntityUnmapped;

    public override string Description => "Each legacy *CustomEntity column used in the query is mapped in entityMappings.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { Query: { } query } rule)
        {
            yield break;
        }
        var mapped = new HashSet<string>(
            (rule.EntityMappings?.Value ?? []).SelectMany(m => m.FieldMappings?.Value ?? []).Select(f => f.ColumnName?.Value ?? string.Empty),
            StringComparer.Ordinal);
        foreach (var column in LegacyColumns)
        {
            var at = query.Text.IndexOf(column, StringComparison.Ordinal);
            if (at >= 0 && !mapped.Contains(column))
            {
                yield return Report(item, query.SourceMap.GetSpan(at, column.Length),
                    $"An old mapping for entity '{column}' does not have a matching new mapping entry: add an entityMappings entry with columnName '{column}'.");
            }
        }
    }
}
