namespace SentinelAiPack.Engine.Runtime;

/// <summary>Kusto's scalar types. Storage: Bool→bool, Int/Long/DateTime/TimeSpan→long (ticks for time), Real→double,
/// Decimal→decimal, Guid→Guid, String→string (never null), Dynamic→object? (see <see cref="Dyn"/>).</summary>
public enum ScalarKind : byte
{
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    DateTime,
    TimeSpan,
    Guid,
    String,
    Dynamic,
}

public static class ScalarKinds
{
    /// <summary>Maps a Kusto type name (as the analyzer prints it) to a kind; unknown names become Dynamic.</summary>
    public static ScalarKind FromName(string? name) => name?.ToLowerInvariant() switch
    {
        "bool" or "boolean" => ScalarKind.Bool,
        "int" or "int32" => ScalarKind.Int,
        "long" or "int64" => ScalarKind.Long,
        "real" or "double" => ScalarKind.Real,
        "decimal" => ScalarKind.Decimal,
        "datetime" or "date" => ScalarKind.DateTime,
        "timespan" or "time" => ScalarKind.TimeSpan,
        "guid" or "uniqueid" => ScalarKind.Guid,
        "string" => ScalarKind.String,
        _ => ScalarKind.Dynamic,
    };

    /// <summary>True when <paramref name="name"/> names a real scalar type (not unknown/error/tabular).</summary>
    public static bool IsKnownName(string? name) => name?.ToLowerInvariant() is
        "bool" or "int" or "long" or "real" or "decimal" or "datetime" or "timespan" or "guid" or "string" or "dynamic";

    public static string Name(this ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => "bool",
        ScalarKind.Int => "int",
        ScalarKind.Long => "long",
        ScalarKind.Real => "real",
        ScalarKind.Decimal => "decimal",
        ScalarKind.DateTime => "datetime",
        ScalarKind.TimeSpan => "timespan",
        ScalarKind.Guid => "guid",
        ScalarKind.String => "string",
        _ => "dynamic",
    };

    /// <summary>Kinds stored as <c>long[]</c>.</summary>
    public static bool IsLongStorage(this ScalarKind kind) =>
        kind is ScalarKind.Int or ScalarKind.Long or ScalarKind.DateTime or ScalarKind.TimeSpan;

    public static bool IsNumeric(this ScalarKind kind) =>
        kind is ScalarKind.Int or ScalarKind.Long or ScalarKind.Real or ScalarKind.Decimal;

    public static bool IsIntegral(this ScalarKind kind) => kind is ScalarKind.Int or ScalarKind.Long;
}
