namespace SentinelAiPack.Content.Diagnostics;

/// <summary>SAP5xxx: problems found while reading content, schema and settings files.</summary>
public static class LoadingCodes
{
    public static readonly DiagnosticDescriptor PathNotFound =
        new("SAP5001", DiagnosticSeverity.Error, "Path not found") { Category = "Loading" };

    public static readonly DiagnosticDescriptor FileTooLarge =
        new("SAP5002", DiagnosticSeverity.Error, "File larger than the size limit") { Category = "Loading" };

    public static readonly DiagnosticDescriptor NotText =
        new("SAP5003", DiagnosticSeverity.Error, "Binary or non-UTF-8 content") { Category = "Loading" };

    public static readonly DiagnosticDescriptor EmptyFile =
        new("SAP5004", DiagnosticSeverity.Error, "Empty file") { Category = "Loading" };

    public static readonly DiagnosticDescriptor MalformedYaml =
        new("SAP5005", DiagnosticSeverity.Error, "Malformed YAML") { Category = "Loading" };

    public static readonly DiagnosticDescriptor NotAMapping =
        new("SAP5006", DiagnosticSeverity.Error, "Document is not a mapping") { Category = "Loading" };

    public static readonly DiagnosticDescriptor MultipleDocuments =
        new("SAP5007", DiagnosticSeverity.Warning, "More than one YAML document in a file") { Category = "Loading" };

    public static readonly DiagnosticDescriptor DuplicateKey =
        new("SAP5008", DiagnosticSeverity.Error, "Duplicate key") { Category = "Loading" };

    public static readonly DiagnosticDescriptor WrongValueType =
        new("SAP5009", DiagnosticSeverity.Error, "Value of the wrong type") { Category = "Loading" };

    public static readonly DiagnosticDescriptor UnknownKey =
        new("SAP5010", DiagnosticSeverity.Warning, "Unknown key") { Category = "Loading" };

    public static readonly DiagnosticDescriptor UnrecognizedContent =
        new("SAP5011", DiagnosticSeverity.Warning, "File is not a rule, hunting query or parser") { Category = "Loading" };

    public static readonly DiagnosticDescriptor ReadFailed =
        new("SAP5012", DiagnosticSeverity.Error, "File could not be read") { Category = "Loading" };

    public static readonly DiagnosticDescriptor NotRegularFile =
        new("SAP5013", DiagnosticSeverity.Error, "Not a regular file (FIFO, socket or device)") { Category = "Loading" };

    public static readonly DiagnosticDescriptor MalformedJson =
        new("SAP5020", DiagnosticSeverity.Error, "Malformed JSON") { Category = "Loading" };

    public static readonly DiagnosticDescriptor InvalidSchemaFile =
        new("SAP5021", DiagnosticSeverity.Error, "Schema file has the wrong structure") { Category = "Loading" };

    public static readonly DiagnosticDescriptor UnknownColumnType =
        new("SAP5022", DiagnosticSeverity.Warning, "Unknown column or parameter type") { Category = "Loading" };

    public static readonly DiagnosticDescriptor DuplicateColumn =
        new("SAP5023", DiagnosticSeverity.Warning, "Duplicate column") { Category = "Loading" };

    public static readonly DiagnosticDescriptor TableNameMismatch =
        new("SAP5024", DiagnosticSeverity.Warning, "Table name differs from the file name") { Category = "Loading" };

    public static readonly DiagnosticDescriptor DuplicateSchema =
        new("SAP5025", DiagnosticSeverity.Warning, "Table or function defined twice in one source") { Category = "Loading" };

    public static readonly DiagnosticDescriptor InvalidSettings =
        new("SAP5030", DiagnosticSeverity.Error, "Invalid settings file") { Category = "Loading" };

    public static readonly DiagnosticDescriptor SettingsPathNotFound =
        new("SAP5031", DiagnosticSeverity.Error, "Path named in the settings file not found") { Category = "Loading" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        PathNotFound, FileTooLarge, NotText, EmptyFile, MalformedYaml, NotAMapping, MultipleDocuments, DuplicateKey,
        WrongValueType, UnknownKey, UnrecognizedContent, ReadFailed, NotRegularFile, MalformedJson, InvalidSchemaFile,
        UnknownColumnType, DuplicateColumn, TableNameMismatch, DuplicateSchema, InvalidSettings, SettingsPathNotFound,
    ];
}
