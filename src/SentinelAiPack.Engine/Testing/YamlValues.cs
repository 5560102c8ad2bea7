using System.Globalization;
using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Testing;

/// <summary>YAML values as engine values: plain scalars are typed (null, bool, numbers), quoted ones stay text.</summary>
internal static class YamlValues
{
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar { Style: YamlScalarStyle.Plain } s => Plain(s.Value),
        YamlScalar s => s.Value,
        YamlSequence seq => new DynArray(seq.Items.Select(ToValue).ToArray()),
        YamlMapping map => new DynBag(map.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Value, ToValue(e.Value)))),
        _ => null,
    };

    /// <summary>A YAML value for a column of a known kind: text columns keep the text exactly as written (e.g. "0123").</summary>
    public static object? ToValue(YamlNode node, ScalarKind kind) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar s when kind == ScalarKind.String => s.Value,
        YamlScalar s when kind == ScalarKind.Dynamic && s.Style != YamlScalarStyle.Plain => s.Value,
        _ => ToValue(node),
    };

    private static object? Plain(string text)
    {
        if (text is "true" or "True" or "TRUE")
        {
            return true;
        }
        if (text is "false" or "False" or "FALSE")
        {
            return false;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsAsciiDigit))
        {
            return d;
        }
        return text;
    }
}
