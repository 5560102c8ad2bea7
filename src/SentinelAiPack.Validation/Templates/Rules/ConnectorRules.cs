using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>Each requiredDataConnectors connectorId is a known Sentinel data connector (built-in list plus aipack.yaml additions).</summary>
public sealed class ConnectorIdRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.UnknownConnectorId;

    public override string Description => "Each connectorId is a known data connector id (built-in list, extended by aipack.yaml).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (item is not DetectionTemplate { RequiredDataConnectors: { } connectors })
        {
            yield break;
        }
        foreach (var id in connectors.Value.Select(c => c.ConnectorId).OfType<Located<string>>())
        {
            if (context.ConnectorIds.Contains(id.Value))
            {
                continue;
            }
            var differentCase = context.ConnectorIds.FirstOrDefault(known => string.Equals(known, id.Value.Trim(), StringComparison.OrdinalIgnoreCase));
            var hint = differentCase is not null
                ? $" Did you mean '{differentCase}'?"
                : " If it is a new connector, add it to extraConnectorIds in aipack.yaml.";
            yield return Report(item, id.Span, $"connectorId '{id.Value}' is not a known data connector id.{hint}");
        }
    }
}

/// <summary>Each requiredDataConnectors entry has a connectorId and a dataTypes list.</summary>
public sealed class ConnectorEntryRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.ConnectorEntryIncomplete;

    public override string Description => "Each requiredDataConnectors entry has connectorId and dataTypes.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { RequiredDataConnectors: { } connectors })
        {
            yield break;
        }
        for (var i = 0; i < connectors.Value.Count; i++)
        {
            var connector = connectors.Value[i];
            if (connector.ConnectorId is null || string.IsNullOrWhiteSpace(connector.ConnectorId.Value))
            {
                yield return Report(item, connector.Span, $"requiredDataConnectors[{i}] has no connectorId.");
            }
            if (connector.DataTypes is null)
            {
                yield return Report(item, connector.Span, $"requiredDataConnectors[{i}] has no dataTypes list (the tables the connector fills).");
            }
        }
    }
}
