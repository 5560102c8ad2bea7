using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>Durations (queryFrequency, queryPeriod, suppressionDuration, lookbackDuration) are hh:mm:ss or &lt;number&gt;&lt;m|h|d&gt;.</summary>
public sealed class DurationFormatRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.DurationFormat;

    public override string Description => "Durations are <number><m|h|d> (5m, 1h, 14d) or hh:mm:ss.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not AnalyticRule rule)
        {
            yield break;
        }
        foreach (var (field, text) in Durations.Fields(rule))
        {
            if (!SentinelDuration.TryParse(text.Value, out _, out var error))
            {
                yield return Report(item, text.Span, $"{field} {error}.");
            }
        }
    }
}
