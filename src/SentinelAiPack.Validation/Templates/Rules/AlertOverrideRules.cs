using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>alertDisplayNameFormat has 1-256 characters and alertDescriptionFormat 1-5,000 (not blank).</summary>
public sealed class AlertOverrideLengthRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.AlertOverrideLength;

    public override string Description => "alertDisplayNameFormat has 1 to 256 characters, alertDescriptionFormat 1 to 5,000; neither is blank.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { AlertDetailsOverride: { } details })
        {
            yield break;
        }
        foreach (var (field, text, max) in AlertOverrideFields.Of(details))
        {
            if (string.IsNullOrWhiteSpace(text.Value))
            {
                yield return Report(item, text.Span, $"alertDetailsOverride.{field} is empty; remove it or give it 1 to {max:N0} characters.");
            }
            else if (text.Value.Length > max)
            {
                yield return Report(item, text.Span, $"alertDetailsOverride.{field} is {text.Value.Length:N0} characters long; the limit is {max:N0}.");
            }
        }
    }
}

/// <summary>alertDisplayNameFormat and alertDescriptionFormat use at most 3 {{column}} placeholders each.</summary>
public sealed partial class AlertOverridePlaceholderRule : TemplateRule
{
    public const int Maximum = 3;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.AlertOverridePlaceholders;

    public override string Description => "alertDisplayNameFormat and alertDescriptionFormat each use at most 3 {{column}} placeholders.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { AlertDetailsOverride: { } details })
        {
            yield break;
        }
        foreach (var (field, text, _) in AlertOverrideFields.Of(details))
        {
            var count = Placeholder().Count(text.Value);
            if (count > Maximum)
            {
                yield return Report(item, text.Span, $"You have defined {count} parameters in '{field}'. The maximum allowed is {Maximum}.");
            }
        }
    }

    [GeneratedRegex("{{([^{}]*)}}")]
    public static partial Regex Placeholder();
}

internal static class AlertOverrideFields
{
    public static IEnumerable<(string Field, Located<string> Text, int MaxLength)> Of(AlertDetailsOverride details)
    {
        if (details.AlertDisplayNameFormat is { } name)
        {
            yield return ("alertDisplayNameFormat", name, 256);
        }
        if (details.AlertDescriptionFormat is { } description)
        {
            yield return ("alertDescriptionFormat", description, 5000);
        }
    }
}
