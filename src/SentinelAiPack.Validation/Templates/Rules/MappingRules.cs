using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>Each <c>aipack.atlas</c> id is a technique or sub-technique of the pinned MITRE ATLAS release.</summary>
public sealed partial class AtlasTechniqueRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.UnknownAtlasTechnique;

    public override string Description => "Each aipack.atlas id is a technique of the pinned MITRE ATLAS release (AML.T0000 or AML.T0000.000).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { AiPack: { } pack })
        {
            yield break;
        }
        foreach (var id in pack.Atlas)
        {
            if (AtlasTechniqueCatalog.NameOf(id.Value) is not null)
            {
                continue;
            }
            var value = id.Value.Trim();
            var hint = TacticId().IsMatch(value)
                ? " It is an ATLAS tactic id; aipack.atlas lists techniques."
                : TechniqueId().IsMatch(value) && AtlasTechniqueCatalog.NameOf(value[..value.LastIndexOf('.')]) is { } parent
                    ? $" {value[..value.LastIndexOf('.')]} ({parent}) exists, this sub-technique does not."
                    : string.Empty;
            yield return Report(item, id.Span,
                $"'{value}' is not a technique of MITRE ATLAS {AtlasTechniqueCatalog.AtlasVersion} (atlas-data {AtlasTechniqueCatalog.DataRelease}).{hint}");
        }
    }

    [GeneratedRegex(@"^AML\.TA\d{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TacticId();

    [GeneratedRegex(@"^AML\.T\d{4}\.\d{3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueId();
}

/// <summary>Each <c>aipack.owasp</c> id is a risk of the OWASP Top 10 for LLM Applications 2025 (LLM01:2025 … LLM10:2025).</summary>
public sealed class OwaspRiskRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.UnknownOwaspRisk;

    public override string Description => "Each aipack.owasp id is a risk of the OWASP Top 10 for LLM Applications 2025 (LLM01:2025 to LLM10:2025).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { AiPack: { } pack })
        {
            yield break;
        }
        foreach (var id in pack.Owasp.Where(o => !OwaspLlmCatalog.Risks.ContainsKey(o.Value.Trim())))
        {
            yield return Report(item, id.Span,
                $"'{id.Value.Trim()}' is not an OWASP Top 10 for LLM Applications 2025 id; use LLM01:2025 to LLM10:2025.");
        }
    }
}
