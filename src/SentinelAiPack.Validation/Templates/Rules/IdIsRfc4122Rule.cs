using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>
/// A hex-valid GUID that is not an RFC 4122 UUID (version 1-5, variant 10xx) is accepted by Sentinel, and real Microsoft
/// content has such ids, but hand-made ids collide easily: a warning.
/// </summary>
public sealed class IdIsRfc4122Rule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.NonRfc4122Id;

    public override string Description => "id is an RFC 4122 UUID (version 1-5, RFC variant), not a hand-typed hex pattern.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Id is not { } id || !Guid.TryParse(id.Value, out var guid))
        {
            yield break;
        }
        var text = guid.ToString("D");
        var version = text[14];
        var variant = text[19];
        if (version is < '1' or > '5' || variant is not ('8' or '9' or 'a' or 'b'))
        {
            yield return Report(item, id.Span,
                $"id '{id.Value}' is a valid GUID but not an RFC 4122 UUID (version digit '{version}', variant digit '{variant}'); generate ids instead of typing them.");
        }
    }
}
