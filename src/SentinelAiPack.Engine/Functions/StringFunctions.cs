using System.Globalization;
using System.Text;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>String functions: strlen, tolower/toupper, strcat(_delim), substring, split, replace_string, trim*, indexof, countof, ...</summary>
internal static class StringFunctions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Register(FunctionRegistry r)
    {
        r.Add("strlen", c => new StringMapExpr<long>(ScalarKind.Long, c.Arg(0, ScalarKind.String), s => s.Length));
        r.Add("tolower", c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), s => s.ToLowerInvariant()));
        r.Add("toupper", c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), s => s.ToUpperInvariant()));
        r.Add("strcat", c => Fn.Row(c, ScalarKind.String, a => string.Concat(a.Select(Fn.Str))));
        r.Add("strcat_delim", c => Fn.Row(c, ScalarKind.String, a => string.Join(Fn.Str(a[0]), a.Skip(1).Select(Fn.Str))));
        r.Add("substring", c => Fn.Row(c, ScalarKind.String, a => Substring(Fn.Str(a[0]), Fn.Long(a[1]) ?? 0, a.Length > 2 ? Fn.Long(a[2]) : null)));
        r.Add("split", Split);
        r.Add("replace_string", c => Fn.Row(c, ScalarKind.String, a => ReplaceString(Fn.Str(a[0]), Fn.Str(a[1]), Fn.Str(a[2]))));
        r.Add("replace_strings", c => Fn.Row(c, ScalarKind.String, a => ReplaceStrings(Fn.Str(a[0]), a[1] as DynArray, a[2] as DynArray)));
        r.Add("trim", c => Fn.Row(c, ScalarKind.String, a => Trim(Fn.Str(a[1]), Fn.Str(a[0]), start: true, end: true)));
        r.Add("trim_start", c => Fn.Row(c, ScalarKind.String, a => Trim(Fn.Str(a[1]), Fn.Str(a[0]), start: true, end: false)));
        r.Add("trim_end", c => Fn.Row(c, ScalarKind.String, a => Trim(Fn.Str(a[1]), Fn.Str(a[0]), start: false, end: true)));
        r.Add("indexof", c => Fn.Row(c, ScalarKind.Long, a => IndexOf(Fn.Str(a[0]), Fn.Str(a[1]), a.Length > 2 ? Fn.Long(a[2]) ?? 0 : 0,
            a.Length > 3 ? Fn.Long(a[3]) ?? -1 : -1, a.Length > 4 ? Fn.Long(a[4]) ?? 1 : 1)));
        r.Add("countof", c => Fn.Row(c, ScalarKind.Long, a => CountOf(Fn.Str(a[0]), Fn.Str(a[1]), a.Length > 2 ? Fn.Str(a[2]) : "normal")));
        r.Add("reverse", c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), s =>
        {
            var chars = s.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }));
        r.Add("strrep", c => Fn.Row(c, ScalarKind.String, a => string.Join(a.Length > 2 ? Fn.Str(a[2]) : "",
            Enumerable.Repeat(Fn.Str(a[0]), (int)Math.Clamp(Fn.Long(a[1]) ?? 0, 0, 65536)))));
        r.Add("isempty", c => IsEmpty(c, negate: false));
        r.Add("isnotempty", c => IsEmpty(c, negate: true));
        r.Add("string_size", c => new StringMapExpr<long>(ScalarKind.Long, c.Arg(0, ScalarKind.String), s => Encoding.UTF8.GetByteCount(s)));
        r.Add("url_encode", c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), Uri.EscapeDataString));
        r.Add(["url_decode", "url_decode_component"], c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), s => Uri.UnescapeDataString(s.Replace('+', ' '))));
        r.Add("url_encode_component", c => new StringMapExpr<string>(ScalarKind.String, c.Arg(0, ScalarKind.String), Uri.EscapeDataString));
        r.Add("translate", c => Fn.Row(c, ScalarKind.String, a => Translate(Fn.Str(a[0]), Fn.Str(a[1]), Fn.Str(a[2]))));
        r.Add("format_bytes", c => Fn.Row(c, ScalarKind.String, a => FormatBytes(Fn.Real(a[0]), a.Length > 1 ? (int)(Fn.Long(a[1]) ?? 0) : 0, a.Length > 2 ? Fn.Str(a[2]) : "")));
        r.Add("unicode_codepoints_from_string", c => Fn.Row(c, ScalarKind.Dynamic, a =>
            new DynArray(Fn.Str(a[0]).EnumerateRunes().Select(rune => (object?)(long)rune.Value).ToArray())));
        r.Add("unicode_codepoints_to_string", c => Fn.Row(c, ScalarKind.String, a =>
            string.Concat(a.SelectMany(v => v is DynArray arr ? (IEnumerable<object?>)arr : [v]).Select(v => Fn.Long(v) is { } cp && Rune.IsValid((int)cp) ? new Rune((int)cp).ToString() : ""))));
    }

    /// <summary>substring(s, start[, length]): negative or out-of-range parts are clipped, as in Kusto.</summary>
    public static string Substring(string text, long start, long? length)
    {
        if (start < 0)
        {
            start = 0;
        }
        if (start >= text.Length)
        {
            return "";
        }
        var available = text.Length - start;
        var take = length is null ? available : Math.Clamp(length.Value, 0, available);
        return text.Substring((int)start, (int)take);
    }

    private static ScalarExpr Split(FunctionCall call)
    {
        if (call.Count == 3)
        {
            return Fn.Row(call, ScalarKind.Dynamic, a =>
            {
                var parts = SplitParts(Fn.Str(a[0]), Fn.Str(a[1]));
                var index = Fn.Long(a[2]) ?? 0;
                return index >= 0 && index < parts.Length ? new DynArray([parts[index]]) : DynArray.Empty;
            });
        }
        return Fn.Row(call, ScalarKind.Dynamic, a => new DynArray(SplitParts(Fn.Str(a[0]), Fn.Str(a[1]))));
    }

    private static object?[] SplitParts(string text, string delimiter) =>
        delimiter.Length == 0 ? [text] : text.Split(delimiter).Cast<object?>().ToArray();

    private static string ReplaceString(string text, string lookup, string replacement) =>
        lookup.Length == 0 ? text : text.Replace(lookup, replacement, StringComparison.Ordinal);

    private static string ReplaceStrings(string text, DynArray? lookups, DynArray? replacements)
    {
        if (lookups is null || replacements is null)
        {
            return text;
        }
        for (var i = 0; i < lookups.Count; i++)
        {
            text = ReplaceString(text, Fn.Str(lookups[i]), i < replacements.Count ? Fn.Str(replacements[i]) : "");
        }
        return text;
    }

    /// <summary>trim(regex, text): removes leading/trailing matches of a regex.</summary>
    private static string Trim(string text, string pattern, bool start, bool end)
    {
        if (start)
        {
            text = RegexCache.Get("^(?:" + pattern + ")+").Replace(text, "", 1);
        }
        if (end)
        {
            text = RegexCache.Get("(?:" + pattern + ")+$").Replace(text, "", 1);
        }
        return text;
    }

    /// <summary>indexof(source, lookup[, start[, length[, occurrence]]]): -1 when not found.</summary>
    private static long? IndexOf(string text, string lookup, long start, long length, long occurrence)
    {
        if (start < 0)
        {
            start = Math.Max(0, text.Length + start);
        }
        if (start > text.Length || occurrence <= 0)
        {
            return -1;
        }
        var end = length < 0 ? text.Length : (int)Math.Min(text.Length, start + length);
        var from = (int)start;
        for (var found = 0; ;)
        {
            var at = text.IndexOf(lookup, from, end - from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }
            if (++found == occurrence)
            {
                return at;
            }
            from = at + 1;
            if (from > end)
            {
                return -1;
            }
        }
    }

    private static long CountOf(string text, string search, string kind)
    {
        if (search.Length == 0)
        {
            return 0;
        }
        if (kind == "regex")
        {
            return RegexCache.Get(search).Matches(text).Count;
        }
        long count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static ScalarExpr IsEmpty(FunctionCall call, bool negate)
    {
        var arg = call.Arg(0);
        if (arg.Kind == ScalarKind.String)
        {
            return new StringMapExpr<bool>(ScalarKind.Bool, arg, s => (s.Length == 0) != negate);
        }
        // isempty(x) is true for null and for the empty string (of a dynamic value: also empty arrays/bags are not empty).
        return new RowFunctionExpr(ScalarKind.Bool, [arg], a => (a[0] is null || (a[0] is string s && s.Length == 0)) != negate);
    }

    private static string Translate(string searchList, string replacementList, string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var at = searchList.IndexOf(ch, StringComparison.Ordinal);
            if (at < 0)
            {
                builder.Append(ch);
            }
            else if (replacementList.Length > 0)
            {
                builder.Append(replacementList[Math.Min(at, replacementList.Length - 1)]);
            }
        }
        return builder.ToString();
    }

    private static string? FormatBytes(double? value, int precision, string unit)
    {
        if (value is null)
        {
            return null;
        }
        string[] units = ["Bytes", "KB", "MB", "GB", "TB", "PB"];
        var index = 0;
        var v = value.Value;
        if (unit.Length > 0)
        {
            index = Math.Max(0, Array.FindIndex(units, u => u.Equals(unit, StringComparison.OrdinalIgnoreCase)));
            v /= Math.Pow(1024, index);
        }
        else
        {
            while (Math.Abs(v) >= 1024 && index < units.Length - 1)
            {
                v /= 1024;
                index++;
            }
        }
        return Math.Round(v, precision).ToString("0." + new string('#', Math.Max(0, precision)), Invariant) + " " + units[index];
    }
}
