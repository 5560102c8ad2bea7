using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Identifiers;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>The template id must parse as a GUID (Sentinel's model types it as Guid).</summary>
public sealed class IdIsGuidRule : TemplateRule
{
    private static readonly Guid SuggestionNamespace = new("6f1b3c9e-2d4a-4e8b-9a7c-5d3e1f0b2a64");

    public override DiagnosticDescriptor Descriptor => TemplateCodes.InvalidId;

    public override string Description => "id is a GUID.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Id is { } id && !string.IsNullOrWhiteSpace(id.Value) && !Guid.TryParse(id.Value, out _))
        {
            // The suggestion is derived from the text, so the message is the same on every run (baselines stay stable).
            var suggestion = NameBasedGuid.Version5(SuggestionNamespace, id.Value.Trim());
            yield return Report(item, id.Span, $"id '{id.Value}' is not a GUID; use a generated one such as {suggestion:D}.");
        }
    }
}
