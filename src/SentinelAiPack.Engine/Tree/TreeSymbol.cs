using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentinelAiPack.Engine.Tree;

/// <summary>The symbol a node references: a column, variable, table, function (and where it comes from) or operator.</summary>
public sealed class TreeSymbol
{
    /// <summary>SymbolKind name: Column, Variable, Parameter, Table, Function, Operator, Primitive, Error, ...</summary>
    [JsonPropertyName("k")] public string Kind { get; init; } = "";

    [JsonPropertyName("n")] public string? Name { get; init; }

    /// <summary>Type of a column/variable/parameter: scalar type name or schema index.</summary>
    [JsonPropertyName("ty")] public JsonElement Type { get; init; }

    /// <summary>For functions: builtin, aggregate, plugin, database or local.</summary>
    [JsonPropertyName("o")] public string? Origin { get; init; }

    [JsonIgnore] public bool IsBuiltIn => Origin is "builtin" or "aggregate";
}
