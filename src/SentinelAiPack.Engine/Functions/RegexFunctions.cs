using System.Text;
using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>Regex and parsing functions: extract, extract_all, replace_regex, parse_url, parse_urlquery, parse_path, parse_csv.</summary>
internal static class RegexFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("extract", Extract);
        r.Add("extract_all", ExtractAll);
        r.Add("replace_regex", c => Fn.Row(c, ScalarKind.String, a => ReplaceRegex(Fn.Str(a[0]), Fn.Str(a[1]), Fn.Str(a[2]))));
        r.Add("replace", c => Fn.Row(c, ScalarKind.String, a => ReplaceRegex(Fn.Str(a[2]), Fn.Str(a[0]), Fn.Str(a[1]))));
        r.Add("parse_url", c => Fn.Row(c, ScalarKind.Dynamic, a => ParseUrl(Fn.Str(a[0]))));
        r.Add("parse_urlquery", c => Fn.Row(c, ScalarKind.Dynamic, a => new DynBag([new("Query Parameters", QueryParameters(Fn.Str(a[0]).TrimStart('?')))])));
        r.Add("parse_path", c => Fn.Row(c, ScalarKind.Dynamic, a => ParsePath(Fn.Str(a[0]))));
        r.Add("parse_csv", c => Fn.Row(c, ScalarKind.Dynamic, a => new DynArray(CsvLine(Fn.Str(a[0])).Cast<object?>().ToArray())));
    }

    /// <summary>extract(regex, group, text[, type]): the group's text of the first match; "" (or null when typed) without a match.</summary>
    private static ScalarExpr Extract(FunctionCall call)
    {
        Fn.Arity(call, 3, 4);
        var kind = call.ResultKind;
        return Fn.Row(call, kind, a =>
        {
            var match = RegexCache.Get(Fn.Str(a[0])).Match(Fn.Str(a[2]));
            var group = (int)(Fn.Long(a[1]) ?? 0);
            if (!match.Success || group < 0 || group >= match.Groups.Count || !match.Groups[group].Success)
            {
                return kind == ScalarKind.String ? "" : null;
            }
            return Values.ConvertTo(match.Groups[group].Value, kind);
        });
    }

    /// <summary>extract_all(regex, [groups,] text): every match's groups; one group gives strings, several give arrays; null without matches.</summary>
    private static ScalarExpr ExtractAll(FunctionCall call)
    {
        Fn.Arity(call, 2, 3);
        var withGroups = call.Count == 3;
        return Fn.Row(call, ScalarKind.Dynamic, a =>
        {
            var regex = RegexCache.Get(Fn.Str(a[0]));
            var text = Fn.Str(a[withGroups ? 2 : 1]);
            var matches = regex.Matches(text);
            if (matches.Count == 0)
            {
                return null;
            }
            int[] groups = withGroups && a[1] is DynArray wanted
                ? wanted.Select(g => (int)(Fn.Long(g) ?? 0)).ToArray()
                : regex.GetGroupNumbers().Length > 1 ? regex.GetGroupNumbers().Skip(1).ToArray() : [0];
            var results = new List<object?>();
            foreach (Match match in matches)
            {
                if (groups.Length == 1)
                {
                    results.Add(match.Groups[groups[0]].Value);
                }
                else
                {
                    results.Add(new DynArray(groups.Select(g => (object?)match.Groups[g].Value).ToArray()));
                }
            }
            return new DynArray(results);
        });
    }

    /// <summary>replace_regex(text, regex, rewrite): rewrite uses \1..\9 for groups (converted to .NET's $1).</summary>
    public static string ReplaceRegex(string text, string pattern, string rewrite)
    {
        var replacement = Regex.Replace(rewrite.Replace("$", "$$", StringComparison.Ordinal), @"\\(\d)", "$${$1}");
        return RegexCache.Get(pattern).Replace(text, replacement);
    }

    private static object? ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !text.Contains("://", StringComparison.Ordinal))
        {
            return DynBag.Empty;
        }
        var user = uri.UserInfo.Split(':', 2);
        return new DynBag(
        [
            new("Scheme", uri.Scheme),
            new("Host", uri.Host),
            new("Port", uri.IsDefaultPort && !HasExplicitPort(text) ? "" : uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Path", uri.AbsolutePath),
            new("Username", user[0]),
            new("Password", user.Length > 1 ? user[1] : ""),
            new("Query Parameters", QueryParameters(uri.Query.TrimStart('?'))),
            new("Fragment", uri.Fragment.TrimStart('#')),
        ]);
    }

    private static bool HasExplicitPort(string text)
    {
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var authority = rest.Split('/', '?', '#')[0];
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        return host.LastIndexOf(':') > host.LastIndexOf(']');
    }

    private static DynBag QueryParameters(string query) =>
        new(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return new KeyValuePair<string, object?>(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "");
        }));

    private static DynBag ParsePath(string path)
    {
        var scheme = "";
        var rest = path;
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            scheme = path[..schemeEnd];
            rest = path[(schemeEnd + 3)..];
        }
        var root = "";
        if (rest.Length >= 2 && rest[1] == ':')
        {
            root = rest[..2] + (rest.Length > 2 && rest[2] is '\\' or '/' ? rest[2].ToString() : "");
        }
        else if (rest.StartsWith(@"\\", StringComparison.Ordinal))
        {
            root = @"\\";
        }
        var lastSeparator = rest.LastIndexOfAny(['\\', '/']);
        var directory = lastSeparator >= 0 ? rest[..lastSeparator] : "";
        var file = lastSeparator >= 0 ? rest[(lastSeparator + 1)..] : rest;
        var stream = "";
        var colon = file.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            stream = file[(colon + 1)..];
            file = file[..colon];
        }
        var dot = file.LastIndexOf('.');
        var directoryName = directory.Length > 0 ? directory[(directory.LastIndexOfAny(['\\', '/']) + 1)..] : "";
        return new DynBag(
        [
            new("Scheme", scheme),
            new("RootPath", root),
            new("DirectoryPath", directory),
            new("DirectoryName", directoryName),
            new("Filename", file),
            new("Extension", dot >= 0 ? file[(dot + 1)..] : ""),
            new("AlternateDataStreamName", stream),
        ]);
    }

    /// <summary>One CSV record (RFC 4180 quoting) split into fields.</summary>
    public static List<string> CsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
