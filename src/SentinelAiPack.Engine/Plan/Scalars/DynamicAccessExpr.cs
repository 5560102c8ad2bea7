using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>A step into a dynamic value (d.name, d["name"], d[0]); a missing member is null.</summary>
internal sealed class DynamicAccessExpr(ScalarExpr inner, Func<object?, object?> step) : ScalarExpr(ScalarKind.Dynamic)
{
    public override bool IsConstant => inner.IsConstant;

    public override bool IsRowInvariant => inner.IsRowInvariant;

    public override Column Evaluate(in Batch batch)
    {
        var source = ((Column<object?>)inner.Evaluate(batch)).Data;
        var values = new object?[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            values[i] = step(source[i]);
        }
        return new Column<object?>(ScalarKind.Dynamic, values);
    }
}

internal static class DynamicAccess
{
    /// <summary>d.name: a bag's member; a string holding JSON is not parsed (Kusto requires parse_json).</summary>
    public static object? Member(object? value, string name) =>
        value is DynBag bag && bag.TryGetValue(name, out var member) ? member : null;

    /// <summary>d[key]: string keys select bag members, integer keys array elements (negative counts from the end).</summary>
    public static object? Element(object? value, object? key)
    {
        switch (value)
        {
            case DynBag bag:
                return bag.TryGetValue(Values.ToKustoString(key), out var member) ? member : null;
            case DynArray array when Values.ToLong(key) is { } index && key is not string:
                var i = index < 0 ? array.Count + index : index;
                return i >= 0 && i < array.Count ? array[(int)i] : null;
            default:
                return null;
        }
    }
}
