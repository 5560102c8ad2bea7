namespace SentinelAiPack.Engine.Runtime.Grouping;

/// <summary>
/// Maps the distinct values of one key column to dense ids (0, 1, 2, ...) and remembers each id's value.
/// Nulls form their own key, as in Kusto's group-by.
/// </summary>
internal abstract class KeyEncoder
{
    public abstract ScalarKind Kind { get; }

    public abstract int Count { get; }

    /// <summary>Writes the id of each value of <paramref name="column"/> to <paramref name="ids"/>.</summary>
    public abstract void Encode(Column column, Span<int> ids);

    /// <summary>The distinct values, in id order, gathered by <paramref name="ids"/>.</summary>
    public abstract Column Values(ReadOnlySpan<int> ids);

    public static KeyEncoder Create(ScalarKind kind, bool caseInsensitive = false) => kind switch
    {
        ScalarKind.String => new StringKeyEncoder(caseInsensitive),
        ScalarKind.Bool => new ValueKeyEncoder<bool>(kind),
        ScalarKind.Real => new ValueKeyEncoder<double>(kind),
        ScalarKind.Decimal => new ValueKeyEncoder<decimal>(kind),
        ScalarKind.Guid => new ValueKeyEncoder<Guid>(kind),
        ScalarKind.Dynamic => new DynamicKeyEncoder(),
        _ => new ValueKeyEncoder<long>(kind),
    };
}

internal sealed class ValueKeyEncoder<T>(ScalarKind kind) : KeyEncoder
    where T : struct, IEquatable<T>
{
    private readonly Dictionary<T, int> _ids = [];
    private readonly List<T> _values = [];
    private int _nullId = -1;

    public override ScalarKind Kind => kind;

    public override int Count => _values.Count;

    public override void Encode(Column column, Span<int> ids)
    {
        var typed = (Column<T>)column;
        var data = typed.Data;
        var nulls = typed.Nulls;
        for (var i = 0; i < data.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                if (_nullId < 0)
                {
                    _nullId = _values.Count;
                    _values.Add(default);
                }
                ids[i] = _nullId;
                continue;
            }
            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, data[i], out var exists);
            if (!exists)
            {
                id = _values.Count;
                _values.Add(data[i]);
            }
            ids[i] = id;
        }
    }

    public override Column Values(ReadOnlySpan<int> ids)
    {
        var values = new T[ids.Length];
        bool[]? nulls = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == _nullId)
            {
                nulls ??= new bool[ids.Length];
                nulls[i] = true;
            }
            else
            {
                values[i] = _values[ids[i]];
            }
        }
        return new Column<T>(kind, values, nulls);
    }
}

internal sealed class StringKeyEncoder(bool caseInsensitive) : KeyEncoder
{
    private readonly Dictionary<string, int> _ids = new(caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public override ScalarKind Kind => ScalarKind.String;

    public override int Count => _values.Count;

    public override void Encode(Column column, Span<int> ids)
    {
        var data = ((Column<string>)column).Data;
        for (var i = 0; i < data.Length; i++)
        {
            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, data[i], out var exists);
            if (!exists)
            {
                id = _values.Count;
                _values.Add(data[i]);
            }
            ids[i] = id;
        }
    }

    public override Column Values(ReadOnlySpan<int> ids)
    {
        var values = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = _values[ids[i]];
        }
        return new Column<string>(ScalarKind.String, values);
    }
}

internal sealed class DynamicKeyEncoder : KeyEncoder
{
    private readonly Dictionary<object, int> _ids = new(Dyn.Comparer!);
    private readonly List<object?> _values = [];
    private int _nullId = -1;

    public override ScalarKind Kind => ScalarKind.Dynamic;

    public override int Count => _values.Count;

    public override void Encode(Column column, Span<int> ids)
    {
        var data = ((Column<object?>)column).Data;
        for (var i = 0; i < data.Length; i++)
        {
            var value = data[i];
            if (value is null)
            {
                if (_nullId < 0)
                {
                    _nullId = _values.Count;
                    _values.Add(null);
                }
                ids[i] = _nullId;
                continue;
            }
            if (!_ids.TryGetValue(value, out var id))
            {
                id = _values.Count;
                _ids[value] = id;
                _values.Add(value);
            }
            ids[i] = id;
        }
    }

    public override Column Values(ReadOnlySpan<int> ids)
    {
        var values = new object?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = _values[ids[i]];
        }
        return new Column<object?>(ScalarKind.Dynamic, values);
    }
}
