using SentinelAiPack.Content.Text;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Validation.CrossChecks;

/// <summary>
/// Every column named by entityMappings, customDetails and alertDetailsOverride (its <c>{{placeholders}}</c> and column
/// fields) must exist in the query's output schema, or Sentinel creates alerts with empty entities and details.
/// Runs only when the query has no errors, so a broken query does not produce a cascade of findings.
/// </summary>
public static partial class OutputColumnCheck
{
    public static IEnumerable<Diagnostic> Check(AnalyzedItem analyzed)
    {
        if (analyzed.Item is not DetectionTemplate template || analyzed.Analysis.HasErrors || !analyzed.Analysis.IsTabular)
        {
            yield break;
        }
        var output = analyzed.Analysis.OutputColumns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var file = template.FilePath;

        foreach (var mapping in template.EntityMappings?.Value ?? [])
        {
            foreach (var field in mapping.FieldMappings?.Value ?? [])
            {
                if (field.ColumnName is { } column && Missing(column.Value, output))
                {
                    yield return CrossCheckCodes.EntityColumnNotInOutput.Create(file, column.Span,
                        $"Entity mapping {mapping.EntityType?.Value}.{field.Identifier?.Value} uses column '{column.Value}', which the query does not output.{Hint(column.Value, output)}");
                }
            }
        }
        foreach (var detail in template.CustomDetails?.Value ?? [])
        {
            if (detail.Column is { } column && Missing(column.Value, output))
            {
                yield return CrossCheckCodes.CustomDetailColumnNotInOutput.Create(file, column.Span,
                    $"Custom detail '{detail.Key.Value}' uses column '{column.Value}', which the query does not output.{Hint(column.Value, output)}");
            }
        }
        if (template.AlertDetailsOverride is { } details)
        {
            foreach (var (field, value) in OverrideColumns(details))
            {
                if (Missing(value.Value, output))
                {
                    yield return CrossCheckCodes.AlertOverrideColumnNotInOutput.Create(file, value.Span,
                        $"alertDetailsOverride.{field} refers to column '{value.Value}', which the query does not output.{Hint(value.Value, output)}");
                }
            }
        }
    }

    /// <summary>Columns named by an alertDetailsOverride: placeholders in the formats, and the column-name fields.</summary>
    private static IEnumerable<(string Field, Located<string> Column)> OverrideColumns(AlertDetailsOverride details)
    {
        foreach (var (field, format) in new[] { ("alertDisplayNameFormat", details.AlertDisplayNameFormat), ("alertDescriptionFormat", details.AlertDescriptionFormat) })
        {
            if (format is null)
            {
                continue;
            }
            foreach (Match match in Placeholder().Matches(format.Value))
            {
                yield return (field, new Located<string>(match.Groups[1].Value.Trim(), format.Span));
            }
        }
        if (details.AlertTacticsColumnName is { Value.Length: > 0 } tactics)
        {
            yield return ("alertTacticsColumnName", tactics);
        }
        if (details.AlertSeverityColumnName is { Value.Length: > 0 } severity)
        {
            yield return ("alertSeverityColumnName", severity);
        }
        foreach (var property in details.AlertDynamicProperties)
        {
            if (property.Value is { Value.Length: > 0 } value)
            {
                yield return ("alertDynamicProperties", value);
            }
        }
    }

    private static bool Missing(string column, HashSet<string> output) => !string.IsNullOrEmpty(column) && !output.Contains(column);

    private static string Hint(string column, HashSet<string> output)
    {
        var sameButCase = output.FirstOrDefault(o => string.Equals(o, column, StringComparison.OrdinalIgnoreCase));
        return sameButCase is not null
            ? $" Column names are case-sensitive: the output has '{sameButCase}'."
            : NameSuggestions.DidYouMean(column, output);
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
