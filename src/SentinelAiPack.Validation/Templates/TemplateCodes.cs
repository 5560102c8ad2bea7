using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Templates;

/// <summary>SAP1xxx: template constraints Sentinel enforces on rules, hunting queries and parsers (no KQL analysis needed).</summary>
public static class TemplateCodes
{
    public static readonly DiagnosticDescriptor RequiredField = new("SAP1001", DiagnosticSeverity.Error, "Required field missing") { Category = "Template" };
    public static readonly DiagnosticDescriptor InvalidId = new("SAP1002", DiagnosticSeverity.Error, "id is not a GUID") { Category = "Template" };
    public static readonly DiagnosticDescriptor NonRfc4122Id = new("SAP1003", DiagnosticSeverity.Warning, "id is not an RFC 4122 UUID") { Category = "Template" };
    public static readonly DiagnosticDescriptor NameLength = new("SAP1004", DiagnosticSeverity.Error, "name too long") { Category = "Template" };
    public static readonly DiagnosticDescriptor DescriptionLength = new("SAP1005", DiagnosticSeverity.Error, "description too long") { Category = "Template" };
    public static readonly DiagnosticDescriptor QueryLength = new("SAP1006", DiagnosticSeverity.Error, "query empty or too long") { Category = "Template" };
    public static readonly DiagnosticDescriptor VersionFormat = new("SAP1007", DiagnosticSeverity.Error, "version is not X.Y.Z") { Category = "Template" };
    public static readonly DiagnosticDescriptor SeverityValue = new("SAP1008", DiagnosticSeverity.Error, "Unknown severity") { Category = "Template" };
    public static readonly DiagnosticDescriptor KindValue = new("SAP1009", DiagnosticSeverity.Error, "Unsupported rule kind") { Category = "Template" };
    public static readonly DiagnosticDescriptor DurationFormat = new("SAP1010", DiagnosticSeverity.Error, "Invalid duration") { Category = "Template" };
    public static readonly DiagnosticDescriptor ScheduleRange = new("SAP1011", DiagnosticSeverity.Error, "queryFrequency/queryPeriod out of range") { Category = "Template" };
    public static readonly DiagnosticDescriptor PeriodShorterThanFrequency = new("SAP1012", DiagnosticSeverity.Error, "queryPeriod shorter than queryFrequency") { Category = "Template" };
    public static readonly DiagnosticDescriptor LongPeriodFrequency = new("SAP1013", DiagnosticSeverity.Error, "Long queryPeriod with frequency under 1 hour") { Category = "Template" };
    public static readonly DiagnosticDescriptor TriggerOperatorValue = new("SAP1014", DiagnosticSeverity.Error, "Unknown triggerOperator") { Category = "Template" };
    public static readonly DiagnosticDescriptor TriggerThresholdRange = new("SAP1015", DiagnosticSeverity.Error, "triggerThreshold out of range") { Category = "Template" };
    public static readonly DiagnosticDescriptor EntityMappingCount = new("SAP1016", DiagnosticSeverity.Error, "Wrong number of entity mappings") { Category = "Template" };
    public static readonly DiagnosticDescriptor FieldMappingCount = new("SAP1017", DiagnosticSeverity.Error, "Wrong number of field mappings") { Category = "Template" };
    public static readonly DiagnosticDescriptor EntityTypeValue = new("SAP1018", DiagnosticSeverity.Error, "Unknown entity type") { Category = "Template" };
    public static readonly DiagnosticDescriptor IdentifierValue = new("SAP1019", DiagnosticSeverity.Error, "Invalid identifier for the entity type") { Category = "Template" };
    public static readonly DiagnosticDescriptor RequiredIdentifiers = new("SAP1020", DiagnosticSeverity.Error, "Required identifiers missing") { Category = "Template" };
    public static readonly DiagnosticDescriptor DuplicateIdentifier = new("SAP1021", DiagnosticSeverity.Error, "Identifier mapped twice") { Category = "Template" };
    public static readonly DiagnosticDescriptor ColumnNameFormat = new("SAP1022", DiagnosticSeverity.Error, "Invalid entity column name") { Category = "Template" };
    public static readonly DiagnosticDescriptor CustomDetailsCount = new("SAP1023", DiagnosticSeverity.Error, "Too many custom details") { Category = "Template" };
    public static readonly DiagnosticDescriptor CustomDetailKey = new("SAP1024", DiagnosticSeverity.Error, "Invalid custom detail key") { Category = "Template" };
    public static readonly DiagnosticDescriptor CustomDetailValue = new("SAP1025", DiagnosticSeverity.Error, "Invalid custom detail column") { Category = "Template" };
    public static readonly DiagnosticDescriptor AlertOverrideLength = new("SAP1026", DiagnosticSeverity.Error, "Alert name/description format empty or too long") { Category = "Template" };
    public static readonly DiagnosticDescriptor AlertOverridePlaceholders = new("SAP1027", DiagnosticSeverity.Error, "Too many {{placeholders}}") { Category = "Template" };
    public static readonly DiagnosticDescriptor TacticValue = new("SAP1028", DiagnosticSeverity.Error, "Unknown tactic") { Category = "Template" };
    public static readonly DiagnosticDescriptor TechniqueWithoutTactic = new("SAP1029", DiagnosticSeverity.Error, "Technique without a matching tactic") { Category = "Template" };
    public static readonly DiagnosticDescriptor DuplicateId = new("SAP1030", DiagnosticSeverity.Error, "Duplicate id") { Category = "Template" };
    public static readonly DiagnosticDescriptor DuplicateFileName = new("SAP1031", DiagnosticSeverity.Error, "Duplicate file name") { Category = "Template" };
    public static readonly DiagnosticDescriptor LegacyEntityUnmapped = new("SAP1032", DiagnosticSeverity.Error, "Legacy *CustomEntity column without entity mapping") { Category = "Template" };
    public static readonly DiagnosticDescriptor UnknownConnectorId = new("SAP1033", DiagnosticSeverity.Error, "Unknown data connector id") { Category = "Template" };
    public static readonly DiagnosticDescriptor ConnectorEntryIncomplete = new("SAP1034", DiagnosticSeverity.Error, "requiredDataConnectors entry incomplete") { Category = "Template" };
    public static readonly DiagnosticDescriptor NrtScheduleField = new("SAP1035", DiagnosticSeverity.Warning, "Scheduling field on an NRT rule") { Category = "Template" };
    public static readonly DiagnosticDescriptor AggregationKindValue = new("SAP1036", DiagnosticSeverity.Error, "Invalid eventGroupingSettings.aggregationKind") { Category = "Template" };
    public static readonly DiagnosticDescriptor MatchingMethodValue = new("SAP1037", DiagnosticSeverity.Error, "Invalid incident grouping matchingMethod") { Category = "Template" };
    public static readonly DiagnosticDescriptor LookbackDurationRange = new("SAP1038", DiagnosticSeverity.Error, "Incident grouping lookbackDuration out of range") { Category = "Template" };
    public static readonly DiagnosticDescriptor GroupByEntitiesValue = new("SAP1039", DiagnosticSeverity.Error, "Invalid entity type in groupByEntities") { Category = "Template" };
    public static readonly DiagnosticDescriptor SuppressionDurationRange = new("SAP1040", DiagnosticSeverity.Error, "suppressionDuration out of range") { Category = "Template" };
    public static readonly DiagnosticDescriptor ParserParameterInvalid = new("SAP1041", DiagnosticSeverity.Error, "Invalid parser parameter") { Category = "Template" };
    public static readonly DiagnosticDescriptor UnknownAtlasTechnique = new("SAP1042", DiagnosticSeverity.Error, "Unknown MITRE ATLAS technique") { Category = "Template" };
    public static readonly DiagnosticDescriptor UnknownOwaspRisk = new("SAP1043", DiagnosticSeverity.Error, "Unknown OWASP LLM Top 10 id") { Category = "Template" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(TemplateCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Code, StringComparer.Ordinal)
        .ToList();
}
