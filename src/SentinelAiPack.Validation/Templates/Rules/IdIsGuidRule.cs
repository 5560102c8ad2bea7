using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>The template id must parse as a GUID (Sentinel's model types it as Guid).</summary>
public sealed class IdIsGuidRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.InvalidId;

    public override string Description => "id is a GUID.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Id is { } id && !string.IsNullOrWhiteSpace(id.Value) && !Guid.TryParse(id.Value, out _))
        {
            yield return Report(item, id.Span, $"id '{id.Value}' is not a GUID; use a generated one such as {Guid.NewGuid():D}.");
        }
    }
}
