using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>
/// Fields Sentinel requires: every analytics rule needs id, name, description, severity, query and kind; Scheduled rules
/// also need requiredDataConnectors and the four scheduling fields. Hunting queries need id, name, description and query
/// (no severity or scheduling). Parsers need a function name and a query.
/// </summary>
public sealed class RequiredFieldRule : TemplateRule
{
    private static readonly string[] RuleFields = ["id", "name", "description", "severity", "query", "kind"];
    private static readonly string[] ScheduledFields = ["requiredDataConnectors", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"];
    private static readonly string[] HuntingFields = ["id", "name", "description", "query"];

    public override DiagnosticDescriptor Descriptor => TemplateCodes.RequiredField;

    public override string Description => "Required fields are present (rules: id, name, description, severity, query, kind; Scheduled: connectors and scheduling; hunting: id, name, description, query; parsers: name, query).";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (fields, why) = item switch
        {
            AnalyticRule { RuleKind: AnalyticRuleKind.Scheduled } => (RuleFields.Concat(ScheduledFields), "a Scheduled analytics rule"),
            AnalyticRule => (RuleFields, "an analytics rule"),
            HuntingQuery => (HuntingFields, "a hunting query"),
            ParserFunction parser => (ParserFields(parser), "a parser"),
            _ => ((IEnumerable<string>)[], string.Empty),
        };
        foreach (var field in fields)
        {
            if (item.InvalidFields.Contains(field))
            {
                continue;
            }
            if (!item.HasValue(field))
            {
                yield return Report(item, FileStart, $"Required field '{field}' is missing; {why} must have it.");
            }
            else if (field is "name" or "description" or "id" && IsBlank(item, field))
            {
                yield return Report(item, FileStart, $"Required field '{field}' is empty; {why} must have a value.");
            }
        }
    }

    private static IEnumerable<string> ParserFields(ParserFunction parser) => parser.Dialect switch
    {
        ParserDialect.Asim => ["ParserName", "ParserQuery"],
        ParserDialect.CommonFunction => ["EquivalentBuiltInFunction", "FunctionQuery"],
        _ => ["FunctionName", "FunctionQuery"],
    };

    private static bool IsBlank(ContentItem item, string field) =>
        item.Root.Find(field, ignoreCase: true)?.Value is Content.Yaml.YamlScalar scalar && string.IsNullOrWhiteSpace(scalar.Value);
}
