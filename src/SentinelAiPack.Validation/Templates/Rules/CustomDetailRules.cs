using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>An analytics rule's customDetails has at most 20 entries (hunting queries have no custom details in Sentinel, so they are not checked).</summary>
public sealed class CustomDetailsCountRule : TemplateRule
{
    public const int Maximum = 20;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.CustomDetailsCount;

    public override string Description => "customDetails has at most 20 entries.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { CustomDetails: { } details } && details.Value.Count > Maximum)
        {
            yield return Report(item, details.KeySpan, $"customDetails has {details.Value.Count} entries; the limit is {Maximum}.");
        }
    }
}

/// <summary>A custom detail key starts with an English letter, holds letters, digits and underscores, and has at most 20 characters.</summary>
public sealed partial class CustomDetailKeyRule : TemplateRule
{
    public const int MaxLength = 20;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.CustomDetailKey;

    public override string Description => "customDetails keys start with a letter, hold only letters, digits and underscores, and have at most 20 characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { CustomDetails: { } details })
        {
            yield break;
        }
        foreach (var key in details.Value.Select(d => d.Key))
        {
            if (!KeyPattern().IsMatch(key.Value))
            {
                yield return Report(item, key.Span, $"customDetails key '{key.Value}' must start with an English letter and contain only letters, digits and underscores.");
            }
            else if (key.Value.Length > MaxLength)
            {
                yield return Report(item, key.Span, $"customDetails key '{key.Value}' is {key.Value.Length} characters long; the limit is {MaxLength}.");
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z]+\w*$")]
    private static partial Regex KeyPattern();
}

/// <summary>A custom detail value is a column name: letter or underscore first, at most 500 characters.</summary>
public sealed class CustomDetailValueRule : TemplateRule
{
    public const int MaxLength = 500;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.CustomDetailValue;

    public override string Description => "customDetails values are result column names (letter or underscore first, then letters, digits, underscores; at most 500).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { CustomDetails: { } details })
        {
            yield break;
        }
        foreach (var detail in details.Value)
        {
            if (detail.Column is not { } column)
            {
                yield return Report(item, detail.Key.Span, $"customDetails '{detail.Key.Value}' names no column.");
            }
            else if (!ColumnNameRule.ColumnPattern().IsMatch(column.Value))
            {
                yield return Report(item, column.Span, $"customDetails '{detail.Key.Value}' column '{column.Value}' must start with a letter or underscore and contain only letters, digits and underscores.");
            }
            else if (column.Value.Length > MaxLength)
            {
                yield return Report(item, column.Span, $"customDetails '{detail.Key.Value}' column is {column.Value.Length} characters long; the limit is {MaxLength}.");
            }
        }
    }
}
