using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Arrays and sets: pack_array, array_length, array_concat, array_slice, array_index_of, array_sort_*, set_*, zip, range, ...</summary>
internal static class ArrayFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("pack_array", c => Fn.Row(c, ScalarKind.Dynamic, a => new DynArray(a.Select(Dyn.FromValue).ToArray())));
        r.Add("array_length", c => Fn.Row(c, ScalarKind.Long, a => a[0] is DynArray array ? array.Count : null));
        r.Add("array_concat", c => Fn.Row(c, ScalarKind.Dynamic, a => a.All(v => v is DynArray)
            ? new DynArray(a.Cast<DynArray>().SelectMany(x => x).ToArray()) : null));
        r.Add("array_slice", c => Fn.Row(c, ScalarKind.Dynamic, a => Slice(a[0] as DynArray, Fn.Long(a[1]) ?? 0, Fn.Long(a[2]) ?? -1)));
        r.Add("array_index_of", c => Fn.Row(c, ScalarKind.Long, a => a[0] is DynArray array ? IndexOf(array, Dyn.FromValue(a[1])) : null));
        r.Add("array_reverse", c => Fn.Row(c, ScalarKind.Dynamic, a => a[0] is DynArray array ? new DynArray(array.Reverse().ToArray()) : null));
        r.Add("array_sort_asc", c => Fn.Row(c, ScalarKind.Dynamic, a => Sort(a[0] as DynArray, descending: false, a.Length > 1 && Values.ToBool(a[^1]) == false)));
        r.Add("array_sort_desc", c => Fn.Row(c, ScalarKind.Dynamic, a => Sort(a[0] as DynArray, descending: true, a.Length > 1 && Values.ToBool(a[^1]) == true)));
        r.Add("array_sum", c => Fn.Row(c, ScalarKind.Real, a => a[0] is DynArray array ? array.Sum(v => Fn.Real(v) ?? 0) : null));
        r.Add("array_split", c => Fn.Row(c, ScalarKind.Dynamic, a => Split(a[0] as DynArray, a[1])));
        r.Add("array_iff", c => Fn.Row(c, ScalarKind.Dynamic, a => ArrayIff(a)));
        r.Add("strcat_array", c => Fn.Row(c, ScalarKind.String, a => a[0] is DynArray array ? string.Join(Fn.Str(a[1]), array.Select(Fn.Str)) : ""));
        r.Add("set_has_element", c => Fn.Row(c, ScalarKind.Bool, a => a[0] is DynArray array && IndexOf(array, Dyn.FromValue(a[1])) >= 0));
        r.Add("set_union", c => Fn.Row(c, ScalarKind.Dynamic, a => Distinct(a.OfType<DynArray>().SelectMany(x => x))));
        r.Add("set_intersect", c => Fn.Row(c, ScalarKind.Dynamic, a => a.All(v => v is DynArray)
            ? Distinct(((DynArray)a[0]!).Where(v => a.Skip(1).All(o => IndexOf((DynArray)o!, v) >= 0))) : null));
        r.Add("set_difference", c => Fn.Row(c, ScalarKind.Dynamic, a => a[0] is DynArray first
            ? Distinct(first.Where(v => !a.Skip(1).OfType<DynArray>().Any(o => IndexOf(o, v) >= 0))) : null));
        r.Add("jaccard_index", c => Fn.Row(c, ScalarKind.Real, a => Jaccard(a[0] as DynArray, a[1] as DynArray)));
        r.Add("zip", c => Fn.Row(c, ScalarKind.Dynamic, a => Zip(a)));
        r.Add("repeat", c => Fn.Row(c, ScalarKind.Dynamic, a => new DynArray(Enumerable.Repeat(Dyn.FromValue(a[0]), (int)Math.Clamp(Fn.Long(a[1]) ?? 0, 0, 1_048_576)).ToArray())));
        r.Add("range", c => Fn.Row(c, ScalarKind.Dynamic, a => Range(a)));
    }

    private static object? Slice(DynArray? array, long start, long end)
    {
        if (array is null)
        {
            return null;
        }
        var n = array.Count;
        if (start < 0)
        {
            start += n;
        }
        if (end < 0)
        {
            end += n;
        }
        start = Math.Max(0, start);
        end = Math.Min(n - 1, end);
        return end < start ? DynArray.Empty : new DynArray(array.Skip((int)start).Take((int)(end - start + 1)).ToArray());
    }

    private static long IndexOf(DynArray array, object? value)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (Dyn.Equals(array[i], value))
            {
                return i;
            }
        }
        return -1;
    }

    private static object? Sort(DynArray? array, bool descending, bool nullsLast)
    {
        if (array is null)
        {
            return null;
        }
        var values = array.Where(v => v is not null).ToList();
        values.Sort(ValueComparer.Instance);
        if (descending)
        {
            values.Reverse();
        }
        var nulls = Enumerable.Repeat<object?>(null, array.Count - values.Count);
        return new DynArray((nullsLast ? values.Concat(nulls) : nulls.Concat(values)).ToArray());
    }

    private static object? Split(DynArray? array, object? indexes)
    {
        if (array is null)
        {
            return null;
        }
        var cuts = (indexes is DynArray list ? list.Select(Fn.Long) : [Fn.Long(indexes)])
            .Where(i => i is not null).Select(i => (int)Math.Clamp(i!.Value < 0 ? i.Value + array.Count : i.Value, 0, array.Count)).Order().ToList();
        var parts = new List<object?>();
        var from = 0;
        foreach (var cut in cuts.Append(array.Count))
        {
            parts.Add(new DynArray(array.Skip(from).Take(Math.Max(0, cut - from)).ToArray()));
            from = Math.Max(from, cut);
        }
        return new DynArray(parts);
    }

    private static object? ArrayIff(object?[] a)
    {
        if (a[0] is not DynArray conditions)
        {
            return null;
        }
        object? Pick(object? source, int i) => source is DynArray array ? (i < array.Count ? array[i] : null) : source;
        return new DynArray(conditions.Select((condition, i) => Values.ToBool(condition) == true ? Pick(a[1], i) : Pick(a[2], i)).ToArray());
    }

    private static DynArray Distinct(IEnumerable<object?> values) => new(values.Distinct(Dyn.Comparer).ToArray());

    private static object? Jaccard(DynArray? a, DynArray? b)
    {
        if (a is null || b is null)
        {
            return null;
        }
        var x = a.Distinct(Dyn.Comparer).ToList();
        var y = b.Distinct(Dyn.Comparer).ToList();
        var union = x.Union(y, Dyn.Comparer).Count();
        return union == 0 ? 0d : (double)x.Intersect(y, Dyn.Comparer).Count() / union;
    }

    private static object? Zip(object?[] a)
    {
        var arrays = a.OfType<DynArray>().ToArray();
        if (arrays.Length != a.Length)
        {
            return null;
        }
        var length = arrays.Length == 0 ? 0 : arrays.Max(x => x.Count);
        return new DynArray(Enumerable.Range(0, length)
            .Select(i => (object?)new DynArray(arrays.Select(x => i < x.Count ? x[i] : null).ToArray())).ToArray());
    }

    /// <summary>range(start, stop[, step]): numbers, datetimes or timespans.</summary>
    private static object? Range(object?[] a)
    {
        const int limit = 1_048_576;
        var values = new List<object?>();
        switch (a[0])
        {
            case DateTime start when a[1] is DateTime stop:
                var step = a.Length > 2 && a[2] is TimeSpan s ? s : TimeSpan.FromDays(1);
                for (var t = start; step > TimeSpan.Zero ? t <= stop : t >= stop; t += step)
                {
                    if (values.Count >= limit || step == TimeSpan.Zero)
                    {
                        break;
                    }
                    values.Add(t);
                }
                break;
            default:
                if (Fn.Real(a[0]) is not { } from || Fn.Real(a[1]) is not { } to)
                {
                    return null;
                }
                var increment = a.Length > 2 ? Fn.Real(a[2]) ?? 1 : 1;
                var integral = a.All(v => v is long or int);
                for (var x = from; increment > 0 ? x <= to : x >= to; x += increment)
                {
                    if (values.Count >= limit || increment == 0)
                    {
                        break;
                    }
                    values.Add(integral ? (long)x : x);
                }
                break;
        }
        return new DynArray(values);
    }
}
