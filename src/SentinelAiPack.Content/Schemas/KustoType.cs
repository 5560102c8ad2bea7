namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// Normalizes the many spellings found in schema files to Kusto scalar type names: Kusto's own names and aliases
/// (<c>int32</c>, <c>uuid</c>, <c>date</c>, ...), the .NET/CLR names Azure-Sentinel's schema files use (<c>SByte</c>,
/// <c>Int32</c>, <c>Int64</c>, <c>Double</c>, <c>Boolean</c>, <c>DateTime</c>, <c>Guid</c>, <c>Object</c>, with or
/// without <c>System.</c>), and the logical names of the ASIM and Log Analytics pages (<c>Integer</c>,
/// <c>Date/time</c>, <c>BigInt</c>). Case and surrounding spaces do not matter.
/// </summary>
public static class KustoType
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = "string", ["str"] = "string", ["char"] = "string", ["uri"] = "string",
        ["datetime"] = "datetime", ["date"] = "datetime", ["date/time"] = "datetime", ["datetimeoffset"] = "datetime",
        ["bool"] = "bool", ["boolean"] = "bool",
        // Log Analytics stores bool columns as SByte (the `_b` columns of custom tables report that type).
        ["sbyte"] = "bool",
        ["int"] = "int", ["int32"] = "int", ["integer"] = "int", ["int16"] = "int", ["int8"] = "int", ["byte"] = "int",
        ["uint"] = "int", ["uint32"] = "int", ["uint16"] = "int", ["uint8"] = "int",
        ["long"] = "long", ["int64"] = "long", ["bigint"] = "long", ["uint64"] = "long", ["ulong"] = "long",
        ["real"] = "real", ["double"] = "real", ["float"] = "real", ["single"] = "real",
        ["decimal"] = "decimal",
        ["dynamic"] = "dynamic", ["object"] = "dynamic",
        ["guid"] = "guid", ["uniqueid"] = "guid", ["uuid"] = "guid", ["uniqueidentifier"] = "guid",
        ["timespan"] = "timespan", ["time"] = "timespan",
    };

    /// <summary>Returns the Kusto scalar type name for <paramref name="spelling"/>, or null when no spelling above matches.</summary>
    public static string? Normalize(string? spelling)
    {
        if (spelling is null)
        {
            return null;
        }
        var text = spelling.Trim();
        if (text.StartsWith("System.", StringComparison.OrdinalIgnoreCase))
        {
            text = text["System.".Length..];
        }
        return Aliases.TryGetValue(text, out var name) ? name : null;
    }

    /// <summary>The type a column of an unrecognized type is kept with, so its uses are not reported again and again.</summary>
    public const string Fallback = "dynamic";

    public static IReadOnlyCollection<string> All { get; } =
        ["string", "datetime", "bool", "int", "long", "real", "decimal", "dynamic", "guid", "timespan"];
}
