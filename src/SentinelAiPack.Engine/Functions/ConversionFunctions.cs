using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>tostring, toint, tolong, toreal/todouble, todecimal, tobool, todatetime, totimespan, toguid, todynamic/parse_json, gettype.</summary>
internal static class ConversionFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("tostring", c => Convert(c, ScalarKind.String));
        r.Add("toint", c => Convert(c, ScalarKind.Int));
        r.Add("tolong", c => Convert(c, ScalarKind.Long));
        r.Add(["toreal", "todouble"], c => Convert(c, ScalarKind.Real));
        r.Add("todecimal", c => Convert(c, ScalarKind.Decimal));
        r.Add(["tobool", "toboolean"], c => Convert(c, ScalarKind.Bool));
        r.Add("todatetime", c => Convert(c, ScalarKind.DateTime));
        r.Add(["totimespan", "time"], c => Convert(c, ScalarKind.TimeSpan));
        r.Add("toguid", c => Convert(c, ScalarKind.Guid));
        r.Add(["todynamic", "parse_json", "toobject"], ParseJson);
        r.Add("gettype", c => Fn.Row(c, ScalarKind.String, a => c.Arg(0).Kind == ScalarKind.Dynamic ? Dyn.TypeName(a[0]) : a[0] is null ? "null" : c.Arg(0).Kind.Name()));
        r.Add("tohex", c => Fn.Row(c, ScalarKind.String, a => Fn.Long(a[0]) is { } v
            ? (a.Length > 1 && Fn.Long(a[1]) is { } width ? v.ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft((int)width, '0') : v.ToString("x", System.Globalization.CultureInfo.InvariantCulture))
            : ""));
    }

    private static ScalarExpr Convert(FunctionCall call, ScalarKind kind)
    {
        Fn.Arity(call, 1);
        var arg = call.Arg(0);
        // tostring of a dynamic string is the string itself; of other dynamic values, their JSON text.
        return call.Context.Scalars.Coerce(arg, kind);
    }

    /// <summary>parse_json(text): JSON text becomes a dynamic value; text that is not JSON stays a dynamic string.</summary>
    private static ScalarExpr ParseJson(FunctionCall call)
    {
        Fn.Arity(call, 1);
        var arg = call.Arg(0);
        if (arg.Kind != ScalarKind.String)
        {
            return call.Context.Scalars.Coerce(arg, ScalarKind.Dynamic);
        }
        return new StringMapExpr<object?>(ScalarKind.Dynamic, arg, text => Dyn.TryParseJson(text, out var value) ? value : text.Length == 0 ? null : text);
    }
}
