using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build;

/// <summary>SAP8xxx: build, version lock, deploy pre-flight and schema drift. Documented in docs/build.md.</summary>
public static class BuildCodes
{
    private const string Build = "Build";
    private const string Lock = "Lock";
    private const string Deploy = "Deploy";

    public static readonly DiagnosticDescriptor NotConvertible =
        new("SAP8001", DiagnosticSeverity.Error, "Item cannot be turned into a deployable template") { Category = Build };

    public static readonly DiagnosticDescriptor LimitExceeded =
        new("SAP8002", DiagnosticSeverity.Error, "Generated template is outside a documented API limit") { Category = Build };

    public static readonly DiagnosticDescriptor OutputNotOwned =
        new("SAP8003", DiagnosticSeverity.Error, "Output folder holds files aipack build did not write") { Category = Build };

    public static readonly DiagnosticDescriptor DuplicateArtifact =
        new("SAP8004", DiagnosticSeverity.Error, "Two items produce the same artifact") { Category = Build };

    public static readonly DiagnosticDescriptor LogicChangedWithoutVersion =
        new("SAP8010", DiagnosticSeverity.Error, "Query or logic changed without raising the version") { Category = Lock };

    public static readonly DiagnosticDescriptor VersionLowered =
        new("SAP8011", DiagnosticSeverity.Error, "Version is lower than the locked version") { Category = Lock };

    public static readonly DiagnosticDescriptor NotLocked =
        new("SAP8012", DiagnosticSeverity.Error, "Item is not in the lock file") { Category = Lock };

    public static readonly DiagnosticDescriptor LockOutOfDate =
        new("SAP8013", DiagnosticSeverity.Error, "Lock file is out of date for the item") { Category = Lock };

    public static readonly DiagnosticDescriptor RemovedWithoutDeprecation =
        new("SAP8014", DiagnosticSeverity.Error, "Locked item was removed without a deprecation entry") { Category = Lock };

    public static readonly DiagnosticDescriptor DeprecationIncomplete =
        new("SAP8015", DiagnosticSeverity.Error, "Deprecation entry lacks a reason or names an unknown replacement") { Category = Lock };

    public static readonly DiagnosticDescriptor LockFileInvalid =
        new("SAP8016", DiagnosticSeverity.Error, "Lock file is missing, unreadable or malformed") { Category = Lock };

    public static readonly DiagnosticDescriptor VersionInvalid =
        new("SAP8017", DiagnosticSeverity.Error, "Item has no x.y.z version") { Category = Lock };

    public static readonly DiagnosticDescriptor DeprecatedItemPresent =
        new("SAP8018", DiagnosticSeverity.Error, "Deprecated item is present again") { Category = Lock };

    public static readonly DiagnosticDescriptor DuplicateKey =
        new("SAP8019", DiagnosticSeverity.Error, "Two items share a lock key") { Category = Lock };

    public static readonly DiagnosticDescriptor MissingTable =
        new("SAP8030", DiagnosticSeverity.Error, "Workspace lacks a table the item reads") { Category = Deploy };

    public static readonly DiagnosticDescriptor MissingColumn =
        new("SAP8031", DiagnosticSeverity.Error, "Workspace table lacks a column the item reads") { Category = Deploy };

    public static readonly DiagnosticDescriptor NoParserSource =
        new("SAP8032", DiagnosticSeverity.Warning, "No source table of a parser exists: the item cannot return rows") { Category = Deploy };

    public static readonly DiagnosticDescriptor OptionalSourceMissing =
        new("SAP8033", DiagnosticSeverity.Info, "An optional parser source table is missing") { Category = Deploy };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        NotConvertible, LimitExceeded, OutputNotOwned, DuplicateArtifact,
        LogicChangedWithoutVersion, VersionLowered, NotLocked, LockOutOfDate, RemovedWithoutDeprecation, DeprecationIncomplete,
        LockFileInvalid, VersionInvalid, DeprecatedItemPresent, DuplicateKey,
        MissingTable, MissingColumn, NoParserSource, OptionalSourceMissing,
    ];
}
