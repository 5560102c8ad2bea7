using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>Each parser parameter has a unique Name and a Kusto scalar Type.</summary>
public sealed class ParserParameterRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.ParserParameterInvalid;

    public override string Description => "Each parser parameter has a unique Name and a Kusto scalar Type.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not ParserFunction parser)
        {
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parser.Parameters)
        {
            if (parameter.Name is not { } name || string.IsNullOrWhiteSpace(name.Value))
            {
                yield return Report(item, parameter.Span, "A parser parameter has no Name.");
            }
            else if (!seen.Add(name.Value.Trim()))
            {
                yield return Report(item, name.Span, $"Parser parameter '{name.Value}' is declared twice.");
            }
            if (parameter.Type is not { } type)
            {
                yield return Report(item, parameter.Span, $"Parser parameter '{parameter.Name?.Value}' has no Type.");
            }
            else if (KustoType.Normalize(type.Value) is null)
            {
                yield return Report(item, type.Span, $"Parser parameter type '{type.Value}' is not a Kusto scalar type ({string.Join(", ", KustoType.All)}).");
            }
        }
    }
}
