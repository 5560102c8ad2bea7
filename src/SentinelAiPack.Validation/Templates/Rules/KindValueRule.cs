using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>An analytics rule's kind is Scheduled or NRT, the two kinds with a template model.</summary>
public sealed class KindValueRule : TemplateRule
{
    /// <summary>Sentinel rule kinds that exist but cannot be authored as query templates.</summary>
    private static readonly string[] OtherSentinelKinds =
        ["Undefined", "BlackBox", "Fusion", "MLBehaviorAnalytics", "MicrosoftSecurityIncidentCreation", "ThreatIntelligence", "Anomaly"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.KindValue;

    public override string Description => "kind is Scheduled or NRT.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule { KindText: { } kind } rule || rule.RuleKind is not null)
        {
            yield break;
        }
        var known = OtherSentinelKinds.FirstOrDefault(k => string.Equals(k, kind.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        yield return Report(item, kind.Span, known is null
            ? $"kind '{kind.Value}' is not a Sentinel rule kind; use Scheduled or NRT."
            : $"kind '{known}' is a Sentinel rule kind without a query-template model; only Scheduled and NRT templates can be authored.");
    }
}
