using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// Kusto <c>dynamic</c> values as plain objects: null, bool, long, double, decimal, string, DateTime, TimeSpan,
/// Guid, <see cref="DynArray"/> or <see cref="DynBag"/>. Values are immutable once built.
/// </summary>
public static class Dyn
{
    /// <summary>Turns a boxed scalar into its dynamic representation (int widens to long).</summary>
    public static object? FromValue(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        JsonElement e => FromJson(e),
        _ => value,
    };

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => DynBag.FromJson(element),
        JsonValueKind.Array => new DynArray(element.EnumerateArray().Select(FromJson).ToArray()),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Parses JSON text (Kusto's parse_json); returns false when it is not valid JSON.</summary>
    public static bool TryParseJson(string text, out object? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 });
            value = FromJson(doc.RootElement);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Serializes a dynamic value as JSON text the way Kusto prints it.</summary>
    public static string ToJson(object? value)
    {
        var builder = new StringBuilder();
        WriteJson(builder, value);
        return builder.ToString();
    }

    public static void WriteJson(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case long or int or decimal:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                builder.Append(double.IsFinite(d) ? Values.FormatReal(d) : "\"" + Values.FormatReal(d) + "\"");
                break;
            case DateTime or TimeSpan or Guid:
                WriteString(builder, Values.ToKustoString(value));
                break;
            case DynArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    WriteJson(builder, array[i]);
                }
                builder.Append(']');
                break;
            case DynBag bag:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in bag)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    WriteJson(builder, item);
                }
                builder.Append('}');
                break;
            default:
                WriteString(builder, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }

    /// <summary>Structural equality of dynamic values (numbers compare by value across long/double).</summary>
    public static new bool Equals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null)
        {
            return false;
        }
        switch (a)
        {
            case DynArray x when b is DynArray y:
                if (x.Count != y.Count)
                {
                    return false;
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equals(x[i], y[i]))
                    {
                        return false;
                    }
                }
                return true;
            case DynBag x when b is DynBag y:
                if (x.Count != y.Count)
                {
                    return false;
                }
                foreach (var (key, value) in x)
                {
                    if (!y.TryGetValue(key, out var other) || !Equals(value, other))
                    {
                        return false;
                    }
                }
                return true;
            case long or double or int or decimal when b is long or double or int or decimal:
                return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
            default:
                return a.Equals(b);
        }
    }

    public static int GetHashCode(object? value) => value switch
    {
        null => 0,
        long l => ((double)l).GetHashCode(),
        int i => ((double)i).GetHashCode(),
        double d => d.GetHashCode(),
        decimal m => ((double)m).GetHashCode(),
        DynArray a => a.Aggregate(17, (h, v) => (h * 31) + GetHashCode(v)),
        DynBag b => b.Aggregate(19, (h, kv) => h ^ HashCode.Combine(kv.Key, GetHashCode(kv.Value))),
        _ => value.GetHashCode(),
    };

    /// <summary>Equality comparer for dynamic values (make_set, distinct over dynamic).</summary>
    public static IEqualityComparer<object?> Comparer { get; } = new DynComparer();

    private sealed class DynComparer : IEqualityComparer<object?>
    {
        bool IEqualityComparer<object?>.Equals(object? x, object? y) => Dyn.Equals(x, y);

        public int GetHashCode(object? obj) => Dyn.GetHashCode(obj);
    }

    /// <summary>Kusto's gettype() names for a dynamic value.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        int => "int",
        long => "long",
        double => "real",
        decimal => "decimal",
        string => "string",
        DateTime => "datetime",
        TimeSpan => "timespan",
        Guid => "guid",
        DynArray => "array",
        DynBag => "dictionary",
        _ => "object",
    };
}

/// <summary>A dynamic array.</summary>
public sealed class DynArray(IReadOnlyList<object?> items) : IReadOnlyList<object?>
{
    public static DynArray Empty { get; } = new([]);

    public object? this[int index] => items[index];

    public int Count => items.Count;

    public IEnumerator<object?> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Dyn.ToJson(this);
}

/// <summary>A dynamic property bag; keys keep their insertion order.</summary>
public sealed class DynBag : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items;
    private readonly Dictionary<string, int> _index;

    public DynBag(IEnumerable<KeyValuePair<string, object?>> items)
    {
        _items = [];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _items[at] = new(key, value);
            }
            else
            {
                _index[key] = _items.Count;
                _items.Add(new(key, value));
            }
        }
    }

    public static DynBag Empty { get; } = new([]);

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Select(i => i.Key);

    public bool TryGetValue(string key, out object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _items[at].Value;
            return true;
        }
        value = null;
        return false;
    }

    public static DynBag FromJson(JsonElement element) =>
        new(element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, Dyn.FromJson(p.Value))));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Dyn.ToJson(this);
}
