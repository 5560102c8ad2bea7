using System.Globalization;
using System.Text.Json;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>Literal values from the exported tree (the shim exports ticks and long values as strings).</summary>
internal static class Literals
{
    public static ConstantExpr Compile(TreeNode node)
    {
        var kind = node.Kind switch
        {
            "BooleanLiteralExpression" => ScalarKind.Bool,
            "IntLiteralExpression" => ScalarKind.Int,
            "LongLiteralExpression" => ScalarKind.Long,
            "RealLiteralExpression" => ScalarKind.Real,
            "DecimalLiteralExpression" => ScalarKind.Decimal,
            "DateTimeLiteralExpression" => ScalarKind.DateTime,
            "TimespanLiteralExpression" => ScalarKind.TimeSpan,
            "GuidLiteralExpression" => ScalarKind.Guid,
            "StringLiteralExpression" or "CompoundStringLiteralExpression" => ScalarKind.String,
            _ => ScalarKind.Dynamic,
        };
        return new ConstantExpr(kind, Value(node, kind));
    }

    public static object? Value(TreeNode node, ScalarKind kind)
    {
        var v = node.Value;
        var text = node.Child("Token")?.Text ?? "";
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        var raw = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        switch (kind)
        {
            case ScalarKind.Bool:
                return v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && Values.ToBool(raw) == true);
            case ScalarKind.Int:
                return (int)(IntegerText(text, raw) ?? 0);
            case ScalarKind.Long:
                return IntegerText(text, raw);
            case ScalarKind.Real:
                return RealText(text) ?? Values.ToReal(raw);
            case ScalarKind.Decimal:
                return Values.ToDecimal(raw);
            case ScalarKind.DateTime:
                return new DateTime(long.Parse(raw, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            case ScalarKind.TimeSpan:
                return new TimeSpan(long.Parse(raw, CultureInfo.InvariantCulture));
            case ScalarKind.Guid:
                return Guid.Parse(raw);
            default:
                return raw;
        }
    }

    // The JavaScript build of the analyzer reads hex literals (0x1F) as 0: parse the token instead.
    private static long? IntegerText(string token, string value)
    {
        var t = token.Trim();
        var inner = t.StartsWith("int(", StringComparison.OrdinalIgnoreCase) || t.StartsWith("long(", StringComparison.OrdinalIgnoreCase)
            ? t[(t.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Trim()
            : t;
        if (inner.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(inner.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    // ... and real(nan)/real(+inf)/real(-inf) as 0.
    private static double? RealText(string token)
    {
        var t = token.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return t switch
        {
            "real(nan)" or "double(nan)" => double.NaN,
            "real(+inf)" or "real(inf)" or "double(+inf)" or "double(inf)" => double.PositiveInfinity,
            "real(-inf)" or "double(-inf)" => double.NegativeInfinity,
            _ => null,
        };
    }

    /// <summary>The value of a dynamic literal's JSON-like body.</summary>
    public static object? Dynamic(TreeNode node)
    {
        switch (node.Kind)
        {
            case "JsonObjectExpression":
                return new DynBag(node.ListItems("Pairs").Select(pair =>
                {
                    var name = pair.Required("Name");
                    var key = name.Value.ValueKind == JsonValueKind.String ? name.Value.GetString()! : name.Text!.Trim('\'', '"');
                    return new KeyValuePair<string, object?>(key, Dynamic(pair.Required("Value")));
                }));
            case "JsonArrayExpression":
                return new DynArray(node.ListItems("Values").Select(Dynamic).ToArray());
            case "ParenthesizedExpression":
                return Dynamic(node.Required("Expression"));
            case "UnaryMinusExpression":
                return Dynamic(node.Required("Expression")) switch
                {
                    long l => -l,
                    double d => -d,
                    var other => other,
                };
            case "NullLiteralExpression":
                return null;
            default:
                var constant = Compile(node);
                return Dyn.FromValue(constant.Value);
        }
    }
}
