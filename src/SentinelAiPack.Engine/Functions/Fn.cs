using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Helpers for writing built-in binders.</summary>
internal static class Fn
{
    /// <summary>A function over boxed argument values (nulls included) returning a value of <paramref name="kind"/>.</summary>
    public static ScalarExpr Row(FunctionCall call, ScalarKind kind, Func<object?[], object?> body, bool deterministic = true) =>
        new RowFunctionExpr(kind, call.Args, body, deterministic);

    /// <summary>Like <see cref="Row"/> but with arguments converted to the given kinds first.</summary>
    public static ScalarExpr Row(FunctionCall call, ScalarKind kind, ScalarKind[] argKinds, Func<object?[], object?> body) =>
        new RowFunctionExpr(kind, call.Args.Select((a, i) => call.Context.Scalars.Coerce(a, i < argKinds.Length ? argKinds[i] : a.Kind)).ToArray(), body);

    /// <summary>Fails the compile when the call does not have between min and max arguments.</summary>
    public static void Arity(FunctionCall call, int min, int max = -1)
    {
        if (call.Count < min || call.Count > (max < 0 ? min : max))
        {
            throw new EngineCompileException($"{call.Name}() expects {(max == min || max < 0 ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")} arguments, got {call.Count}");
        }
    }

    public static string Str(object? value) => Values.ToKustoString(value);

    public static long? Long(object? value) => Values.ToLong(value);

    public static double? Real(object? value) => Values.ToReal(value);

    /// <summary>A dynamic argument as an array (null when it is not one).</summary>
    public static DynArray? Array(object? value) => value as DynArray;
}
