using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Property bags and JSON: pack/bag_pack, pack_all, bag_keys, bag_merge, bag_remove_keys, bag_has_key, column_ifexists, extract_json.</summary>
internal static class DynamicFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add(["pack", "bag_pack", "pack_dictionary"], c => Fn.Row(c, ScalarKind.Dynamic, Pack));
        r.Add("pack_all", PackAll);
        r.Add("bag_keys", c => Fn.Row(c, ScalarKind.Dynamic, a => a[0] is DynBag bag ? new DynArray(bag.Keys.Cast<object?>().ToArray()) : null));
        r.Add("bag_merge", c => Fn.Row(c, ScalarKind.Dynamic, a => new DynBag(a.OfType<DynBag>().SelectMany(b => b))));
        r.Add("bag_remove_keys", c => Fn.Row(c, ScalarKind.Dynamic, a => a[0] is DynBag bag
            ? new DynBag(bag.Where(kv => !(a[1] is DynArray keys && keys.Any(k => Fn.Str(k) == kv.Key))))
            : null));
        r.Add("bag_has_key", c => Fn.Row(c, ScalarKind.Bool, a => a[0] is DynBag bag && bag.TryGetValue(Fn.Str(a[1]), out _)));
        r.Add("bag_set_key", c => Fn.Row(c, ScalarKind.Dynamic, a => a[0] is DynBag bag
            ? new DynBag(bag.Append(new KeyValuePair<string, object?>(Fn.Str(a[1]), Dyn.FromValue(a[2]))))
            : null));
        r.Add("column_ifexists", ColumnIfExists);
        r.Add(["extract_json", "extractjson"], ExtractJson);
        r.Add("dynamic_to_json", c => Fn.Row(c, ScalarKind.String, a => Dyn.ToJson(Dyn.FromValue(a[0]))));
    }

    /// <summary>pack(k1, v1, k2, v2, ...): a property bag.</summary>
    private static object? Pack(object?[] args)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            pairs.Add(new(Fn.Str(args[i]), Dyn.FromValue(args[i + 1])));
        }
        return new DynBag(pairs);
    }

    /// <summary>pack_all([ignore_null_empty]): every column of the row as a bag.</summary>
    private static ScalarExpr PackAll(FunctionCall call)
    {
        var schema = call.Row.Schema;
        var names = schema.Columns.Select(c => c.Name).Where(n => !n.StartsWith('\0')).ToArray();
        var columns = names.Select(n => (ScalarExpr)new ColumnRefExpr(schema.IndexOf(n), schema[schema.IndexOf(n)].Kind, n)).ToList();
        var skipEmpty = call.Count > 0 && Values.ToBool(call.ConstantArg(0)) == true;
        return new RowFunctionExpr(ScalarKind.Dynamic, columns, a => new DynBag(names
            .Select((n, i) => new KeyValuePair<string, object?>(n, Dyn.FromValue(a[i])))
            .Where(kv => !skipEmpty || !(kv.Value is null || kv.Value is string { Length: 0 }))));
    }

    /// <summary>column_ifexists('name', default): the column when the input has it, else the default.</summary>
    private static ScalarExpr ColumnIfExists(FunctionCall call)
    {
        Fn.Arity(call, 2);
        var name = call.ConstantString(0);
        var index = call.Row.Schema.IndexOf(name);
        var fallback = call.Arg(1);
        if (index < 0)
        {
            // Not a declared column; an open input (watchlist) may still have it when the query runs.
            return new RuntimeColumnExpr(name, fallback, call.ResultKind == ScalarKind.Dynamic ? fallback.Kind : call.ResultKind);
        }
        return call.Context.Scalars.Coerce(new ColumnRefExpr(index, call.Row.Schema[index].Kind, name), call.ResultKind);
    }

    /// <summary>extract_json(path, json[, type]): a JSONPath ($.a.b[0]['c']) into JSON text.</summary>
    private static ScalarExpr ExtractJson(FunctionCall call)
    {
        var kind = call.ResultKind;
        return Fn.Row(call, kind, a =>
        {
            var root = a[1] is string text ? (Dyn.TryParseJson(text, out var parsed) ? parsed : null) : Dyn.FromValue(a[1]);
            var value = JsonPath.Select(root, Fn.Str(a[0]));
            return kind == ScalarKind.String ? value is string s ? s : value is null ? "" : Dyn.ToJson(value) : Values.ConvertTo(value, kind);
        });
    }
}

/// <summary>The JSONPath subset Kusto supports: $, .name, ['name'], [index].</summary>
internal static class JsonPath
{
    public static object? Select(object? root, string path)
    {
        var p = path.Trim();
        if (!p.StartsWith('$'))
        {
            return null;
        }
        var current = root;
        var i = 1;
        while (i < p.Length && current is not null)
        {
            if (p[i] == '.')
            {
                var end = i + 1;
                while (end < p.Length && p[end] is not ('.' or '['))
                {
                    end++;
                }
                current = DynamicAccess.Member(current, p[(i + 1)..end]);
                i = end;
            }
            else if (p[i] == '[')
            {
                var end = p.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }
                var inner = p[(i + 1)..end].Trim();
                current = inner.Length > 0 && inner[0] is '\'' or '"'
                    ? DynamicAccess.Member(current, inner.Trim('\'', '"'))
                    : DynamicAccess.Element(current, Values.ToLong(inner));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }
        return current;
    }
}
