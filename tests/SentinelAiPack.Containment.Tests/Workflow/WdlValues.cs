using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>Conversions between JSON values as the WDL functions see them.</summary>
public static class WdlValues
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static double Number(JsonNode? node) => IsNumber(node)
        ? double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture)
        : throw new WdlException($"Expected a number, got {Describe(node)}.");

    public static string Text(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : throw new WdlException($"Expected a string, got {Describe(node)}.");

    public static bool Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? v.GetValue<bool>()
        : throw new WdlException($"Expected a boolean, got {Describe(node)}.");

    /// <summary>A number as JSON: whole numbers as integers, like the service.</summary>
    public static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    /// <summary>What <c>@{expr}</c> and <c>string()</c> write for a value.</summary>
    public static string Interpolated(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    /// <summary>Equality as <c>equals()</c> sees it: numbers by value, strings ordinal, the rest structurally.</summary>
    public static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return Number(a) == Number(b);
        }
        return JsonNode.DeepEquals(a, b);
    }

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        _ => false,
    };

    private static string Describe(JsonNode? node) => node is null ? "null" : $"{node.GetValueKind()} {node.ToJsonString()}";
}
