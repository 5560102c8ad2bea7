using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>name is at most 256 characters.</summary>
public sealed class NameLengthRule : TemplateRule
{
    public const int MaxLength = 256;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.NameLength;

    public override string Description => $"name is at most {MaxLength} characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is DetectionTemplate { Name: { } name } && name.Value.Length > MaxLength)
        {
            yield return Report(item, name.Span, $"name is {name.Value.Length} characters long; the limit is {MaxLength}.");
        }
    }
}

/// <summary>description is at most 5,000 characters.</summary>
public sealed class DescriptionLengthRule : TemplateRule
{
    public const int MaxLength = 5000;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.DescriptionLength;

    public override string Description => $"description is at most {MaxLength:N0} characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is DetectionTemplate { Description: { } description } && description.Value.Length > MaxLength)
        {
            yield return Report(item, description.Span, $"description is {description.Value.Length:N0} characters long; the limit is {MaxLength:N0}.");
        }
    }
}

/// <summary>An analytics rule's query has 1 to 10,000 characters.</summary>
public sealed class QueryLengthRule : TemplateRule
{
    public const int MaxLength = 10_000;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.QueryLength;

    public override string Description => $"An analytics rule's query has 1 to {MaxLength:N0} characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { Query: { } query })
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            yield return Report(item, query.Span, "query is empty; an analytics rule needs 1 to 10,000 characters of KQL.");
        }
        else if (query.Text.Length > MaxLength)
        {
            yield return Report(item, query.Span, $"query is {query.Text.Length:N0} characters long; the limit is {MaxLength:N0}.");
        }
    }
}
