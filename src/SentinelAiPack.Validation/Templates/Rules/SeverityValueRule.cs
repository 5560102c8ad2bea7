using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>An analytics rule's severity is Informational, Low, Medium or High.</summary>
public sealed class SeverityValueRule : TemplateRule
{
    public static IReadOnlyList<string> Values { get; } = ["Informational", "Low", "Medium", "High"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.SeverityValue;

    public override string Description => "severity is Informational, Low, Medium or High.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is AnalyticRule { Severity: { } severity } && !Values.Contains(severity.Value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return Report(item, severity.Span, $"severity '{severity.Value}' is not one of {string.Join(", ", Values)}.");
        }
    }
}
