using System.Text.Json.Nodes;

namespace SentinelAiPack.Build.Json;

/// <summary>
/// Keeps content text literal inside ARM templates. ARM evaluates a string that starts with <c>[</c> and ends with
/// <c>]</c> as an expression; such a literal must start with <c>[[</c> instead (learn.microsoft.com, "Syntax and
/// expressions in ARM templates", escape characters). A KQL query such as <c>['T'] | take 1 | project x = ['y']</c>
/// would otherwise be run as a template expression.
/// </summary>
public static class ArmLiteral
{
    /// <summary>The ARM form of literal <paramref name="text"/>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= 2 && text[0] == '[' && text[^1] == ']' ? "[" + text : text;
    }

    /// <summary>The text ARM makes of a literal written by <see cref="Escape"/>.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith(']') ? value[1..] : value;
    }

    /// <summary>Escapes every string value below <paramref name="node"/> in place (for trees built only from content).</summary>
    public static T EscapeAll<T>(T node)
        where T : JsonNode
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = EscapeValue(obj[key]);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = EscapeValue(array[i]);
                }
                break;
        }
        return node;
    }

    /// <summary>True when ARM would evaluate <paramref name="value"/> as an expression.</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    private static JsonNode? EscapeValue(JsonNode? value) => value switch
    {
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => JsonValue.Create(Escape(text)),
        JsonObject or JsonArray => EscapeAll(value.DeepClone()),
        _ => value?.DeepClone(),
    };
}
