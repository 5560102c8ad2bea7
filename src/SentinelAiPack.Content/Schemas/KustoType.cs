namespace SentinelAiPack.Content.Schemas;

/// <summary>Normalizes the many spellings found in schema files (String, DateTime, BigInt, Boolean...) to Kusto scalar type names.</summary>
public static class KustoType
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = "string", ["str"] = "string",
        ["datetime"] = "datetime", ["date"] = "datetime",
        ["bool"] = "bool", ["boolean"] = "bool",
        ["int"] = "int", ["int32"] = "int",
        ["long"] = "long", ["int64"] = "long", ["bigint"] = "long",
        ["real"] = "real", ["double"] = "real", ["float"] = "real",
        ["decimal"] = "decimal",
        ["dynamic"] = "dynamic", ["object"] = "dynamic",
        ["guid"] = "guid", ["uniqueid"] = "guid",
        ["timespan"] = "timespan", ["time"] = "timespan",
    };

    /// <summary>Returns the Kusto scalar type name for <paramref name="spelling"/>, or null when it is not a known type.</summary>
    public static string? Normalize(string? spelling) =>
        spelling is not null && Aliases.TryGetValue(spelling.Trim(), out var name) ? name : null;

    public static IReadOnlyCollection<string> All { get; } =
        ["string", "datetime", "bool", "int", "long", "real", "decimal", "dynamic", "guid", "timespan"];
}
