using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;

namespace SentinelAiPack.Validation.Templates;

/// <summary>Runs every template rule over a content set. Findings come back sorted by file, line, column and code.</summary>
public static class TemplateValidator
{
    public static IReadOnlyList<Diagnostic> Validate(ContentSet content, TemplateValidationOptions? options = null) =>
        Validate(content, TemplateRuleRegistry.All, options);

    public static IReadOnlyList<Diagnostic> Validate(ContentSet content, IEnumerable<ITemplateRule> rules, TemplateValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        options ??= TemplateValidationOptions.Default;
        var context = new TemplateContext(content, options);
        var disabled = new HashSet<string>(options.DisabledCodes, StringComparer.OrdinalIgnoreCase);
        var active = rules.Where(rule => !disabled.Contains(rule.Descriptor.Code)).ToList();
        var findings = new List<Diagnostic>();
        foreach (var item in content.Items)
        {
            foreach (var rule in active)
            {
                findings.AddRange(rule.Validate(item, context));
            }
        }
        return findings
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }
}
