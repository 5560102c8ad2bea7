namespace SentinelAiPack.Telemetry.Arm;

/// <summary>
/// Kusto column types as the two ARM resources spell them. Tables (workspaces/tables 2022-10-01) know string, int,
/// long, real, boolean, dateTime, guid, dynamic; data collection rule streams know string, int, long, real, boolean,
/// datetime, dynamic. Neither has timespan or decimal, so custom tables may not use them.
/// </summary>
public static class ArmColumnTypes
{
    public static string ForTable(string kustoType) => kustoType switch
    {
        "string" => "string",
        "int" => "int",
        "long" => "long",
        "real" => "real",
        "bool" => "boolean",
        "datetime" => "dateTime",
        "guid" => "guid",
        "dynamic" => "dynamic",
        _ => throw new NotSupportedException($"a custom table column cannot have type '{kustoType}'"),
    };

    /// <summary>Stream type of a column; a guid column is sent as a string.</summary>
    public static string ForStream(string kustoType) => kustoType switch
    {
        "string" or "guid" => "string",
        "int" => "int",
        "long" => "long",
        "real" => "real",
        "bool" => "boolean",
        "datetime" => "datetime",
        "dynamic" => "dynamic",
        _ => throw new NotSupportedException($"a data collection rule stream cannot carry type '{kustoType}'"),
    };

    public static bool IsSupported(string kustoType) =>
        kustoType is "string" or "int" or "long" or "real" or "bool" or "datetime" or "guid" or "dynamic";
}
