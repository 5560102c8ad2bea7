using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>Each tactic is one of Sentinel's 16 tactic names.</summary>
public sealed class TacticValueRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.TacticValue;

    public override string Description => "Each tactic is one of Sentinel's 16 tactic names (ATT&CK tactics without spaces).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { Tactics: { } tactics })
        {
            yield break;
        }
        foreach (var tactic in tactics.Value)
        {
            if (SentinelTactics.Canonical(tactic.Value) is null)
            {
                var squeezed = SentinelTactics.Canonical(tactic.Value.Replace(" ", string.Empty, StringComparison.Ordinal));
                var hint = squeezed is not null ? $" Did you mean '{squeezed}'?" : $" Valid tactics: {string.Join(", ", SentinelTactics.All)}.";
                yield return Report(item, tactic.Span, $"'{tactic.Value}' is not a Sentinel tactic.{hint}");
            }
        }
    }
}

/// <summary>
/// Each relevant technique is an ATT&amp;CK Enterprise technique belonging to at least one listed tactic (sub-technique
/// suffixes are stripped first). ATLAS ids belong in <c>aipack.atlas</c>, not here.
/// </summary>
public sealed class TechniqueTacticRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.TechniqueWithoutTactic;

    public override string Description => "Each relevant technique is an ATT&CK Enterprise technique of one of the listed tactics.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { RelevantTechniques: { } techniques } template)
        {
            yield break;
        }
        var listed = new HashSet<string>(
            (template.Tactics?.Value ?? []).Select(t => SentinelTactics.Canonical(t.Value)).OfType<string>(), StringComparer.Ordinal);
        foreach (var technique in techniques.Value)
        {
            var id = technique.Value.Trim();
            if (!AttackTechniqueCatalog.IsTechniqueId(id))
            {
                var hint = id.StartsWith("AML.", StringComparison.OrdinalIgnoreCase) ? " MITRE ATLAS ids go in aipack.atlas." : string.Empty;
                yield return Report(item, technique.Span, $"'{technique.Value}' is not an ATT&CK technique id (T1234 or T1234.001).{hint}");
                continue;
            }
            var tactics = AttackTechniqueCatalog.TacticsOf(id);
            if (tactics is null)
            {
                yield return Report(item, technique.Span,
                    $"Technique {id} is not an ATT&CK Enterprise technique (v{AttackTechniqueCatalog.AttackVersion}); Sentinel cannot match it to a tactic.");
            }
            else if (!tactics.Any(listed.Contains))
            {
                yield return Report(item, technique.Span,
                    $"No valid tactic corresponding to the technique {id} was provided in the tactics field; add one of: {string.Join(", ", tactics)}.");
            }
        }
    }
}
