using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Azure.LogAnalytics;

/// <summary>
/// Safe values for a KQL query. The Log Analytics query API takes no query parameters (its body is only
/// <c>query</c>, <c>timespan</c>, <c>workspaces</c>), so values travel in a <c>let</c> prolog built here and only here:
/// <list type="bullet">
/// <item>strings as <c>base64_decode_tostring("…")</c>: the literal holds only base64 characters, so no value can
/// close it, comment out the rest, or start a new statement, whatever it contains;</item>
/// <item>numbers, booleans, datetimes, timespans and GUIDs formatted by us, invariantly, from typed values;</item>
/// <item>string lists as <c>parse_json(base64_decode_tostring("…"))</c> of a JSON array we serialise;</item>
/// <item>names validated as plain identifiers that are not KQL keywords.</item>
/// </list>
/// </summary>
public sealed partial class KqlParameters
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Names that would parse as something else in a let statement or in the query body.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "has", "contains", "between", "let", "set", "declare", "pattern", "alias", "restrict",
        "where", "project", "extend", "summarize", "by", "on", "with", "of", "to", "step", "kind", "asc", "desc", "nulls",
        "first", "last", "true", "false", "null", "print", "range", "datatable", "materialize", "toscalar", "table",
        "database", "cluster", "view", "typeof", "dynamic", "bool", "boolean", "int", "long", "real", "double", "string",
        "datetime", "date", "timespan", "time", "guid", "uniqueid", "decimal", "evaluate", "invoke", "as", "union",
        "join", "lookup", "search", "find", "take", "limit", "top", "sort", "order", "count", "render", "parse", "mv-expand",
        "function", "macro-expand", "partition", "scan", "fork", "facet", "serialize", "externaldata",
    };

    private readonly List<KeyValuePair<string, string>> _bindings = [];

    /// <summary>Bound names in the order added.</summary>
    public IEnumerable<string> Names => _bindings.Select(b => b.Key);

    /// <summary>Binds a string. Invalid UTF-16 (lone surrogates) becomes U+FFFD.</summary>
    public KqlParameters Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Bind(name, StringExpression(value));
    }

    /// <summary>Binds a <c>long</c>.</summary>
    public KqlParameters Add(string name, long value) =>
        Bind(name, $"long({value.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>Binds an <c>int</c>.</summary>
    public KqlParameters Add(string name, int value) =>
        Bind(name, $"int({value.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>Binds a <c>real</c> (NaN and infinities included).</summary>
    public KqlParameters Add(string name, double value) => Bind(name, value switch
    {
        double.NaN => "real(nan)",
        double.PositiveInfinity => "real(+inf)",
        double.NegativeInfinity => "real(-inf)",
        _ => $"real({value.ToString("R", CultureInfo.InvariantCulture)})",
    });

    /// <summary>Binds a <c>bool</c>.</summary>
    public KqlParameters Add(string name, bool value) => Bind(name, value ? "true" : "false");

    /// <summary>Binds a <c>datetime</c> (converted to UTC, 100 ns precision).</summary>
    public KqlParameters Add(string name, DateTimeOffset value) =>
        Bind(name, $"datetime({value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)})");

    /// <summary>Binds a <c>timespan</c> as a count of 100 ns ticks.</summary>
    public KqlParameters Add(string name, TimeSpan value)
    {
        if (value == TimeSpan.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "TimeSpan.MinValue has no positive counterpart.");
        }

        var ticks = value.Ticks.ToString(CultureInfo.InvariantCulture);
        return Bind(name, value.Ticks >= 0 ? $"{ticks}tick" : $"(0tick - {(-value.Ticks).ToString(CultureInfo.InvariantCulture)}tick)");
    }

    /// <summary>Binds a <c>guid</c>.</summary>
    public KqlParameters Add(string name, Guid value) => Bind(name, $"guid({value.ToString("D", CultureInfo.InvariantCulture)})");

    /// <summary>Binds a dynamic array of strings, for <c>where Column in (name)</c>.</summary>
    public KqlParameters AddStringList(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var json = JsonSerializer.Serialize(values.Select(v => Utf8.GetString(Utf8.GetBytes(v ?? throw new ArgumentException("A list value is null.", nameof(values))))).ToArray());
        return Bind(name, $"parse_json({StringExpression(json)})");
    }

    /// <summary>The <c>let</c> statements, one per line, each ending with <c>;</c>.</summary>
    public string Prolog
    {
        get
        {
            var text = new StringBuilder();
            foreach (var (name, expression) in _bindings)
            {
                text.Append("let ").Append(name).Append(" = ").Append(expression).Append(";\n");
            }

            return text.ToString();
        }
    }

    /// <summary>The prolog followed by <paramref name="queryBody"/> (trusted text written by us, never user input).</summary>
    public string Apply(string queryBody)
    {
        ArgumentNullException.ThrowIfNull(queryBody);
        return Prolog + queryBody;
    }

    private KqlParameters Bind(string name, string expression)
    {
        ValidateName(name);
        if (_bindings.Any(b => string.Equals(b.Key, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Parameter '{name}' is bound twice.", nameof(name));
        }

        _bindings.Add(new(name, expression));
        return this;
    }

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"Parameter name '{(name.Length > 40 ? name[..40] + "…" : name)}' is not an identifier (letter or _, then letters, digits, _; at most 64).",
                nameof(name));
        }

        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"Parameter name '{name}' is a KQL keyword.", nameof(name));
        }
    }

    private static string StringExpression(string value) => value.Length == 0
        ? "\"\""
        : $"base64_decode_tostring(\"{Convert.ToBase64String(Utf8.GetBytes(value))}\")";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
