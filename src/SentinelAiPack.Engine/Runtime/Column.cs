namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// An immutable vector of values of one <see cref="ScalarKind"/>. Columns are shared freely between tables and
/// operators; slices share the underlying array. Boxed values (<see cref="GetValue"/>) follow <see cref="Values"/>.
/// </summary>
public abstract class Column
{
    protected Column(ScalarKind kind, int length)
    {
        Kind = kind;
        Length = length;
    }

    public ScalarKind Kind { get; }

    public int Length { get; }

    public abstract bool IsNull(int row);

    /// <summary>The value at <paramref name="row"/> boxed per <see cref="Values"/> conventions; null for null.</summary>
    public abstract object? GetValue(int row);

    /// <summary>A view of rows [start, start+count) sharing storage.</summary>
    public abstract Column Slice(int start, int count);

    /// <summary>A new column holding the given rows in order.</summary>
    public abstract Column Gather(ReadOnlySpan<int> rows);

    /// <summary>Rows as in <see cref="Gather"/>, where a negative index yields null (outer joins).</summary>
    public abstract Column GatherOrNull(ReadOnlySpan<int> rows);

    /// <summary>The same values under another kind with the same storage (e.g. long ↔ datetime ticks).</summary>
    public abstract Column Relabel(ScalarKind kind);

    /// <summary>Approximate bytes held by this column's own storage (for memory reports).</summary>
    public abstract long EstimatedBytes { get; }
}

/// <summary>A column stored as a <typeparamref name="T"/> array plus an optional null mask.</summary>
public sealed class Column<T> : Column
{
    private readonly T[] _values;
    private readonly bool[]? _nulls;
    private readonly int _offset;

    public Column(ScalarKind kind, T[] values, bool[]? nulls = null, int offset = 0, int? length = null)
        : base(kind, length ?? values.Length - offset)
    {
        _values = values;
        _nulls = nulls;
        _offset = offset;
    }

    public ReadOnlySpan<T> Data => new(_values, _offset, Length);

    /// <summary>The null mask, or an empty span when no value is null.</summary>
    public ReadOnlySpan<bool> Nulls => _nulls is null ? default : new(_nulls, _offset, Length);

    public bool HasNulls => _nulls is not null;

    public T this[int row] => _values[_offset + row];

    public override bool IsNull(int row)
    {
        if (_nulls is not null)
        {
            return _nulls[_offset + row];
        }
        return typeof(T) == typeof(object) && _values[_offset + row] is null;
    }

    public override object? GetValue(int row)
    {
        if (_nulls is not null && _nulls[_offset + row])
        {
            return null;
        }
        var value = _values[_offset + row];
        return Kind switch
        {
            ScalarKind.Int => (int)(long)(object)value!,
            ScalarKind.DateTime => new DateTime((long)(object)value!, DateTimeKind.Utc),
            ScalarKind.TimeSpan => new TimeSpan((long)(object)value!),
            _ => value,
        };
    }

    public override Column Slice(int start, int count) =>
        start == 0 && count == Length ? this : new Column<T>(Kind, _values, _nulls, _offset + start, count);

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        bool[]? nulls = null;
        var data = Data;
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = data[rows[i]];
        }
        if (_nulls is not null)
        {
            var mask = Nulls;
            nulls = new bool[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                nulls[i] = mask[rows[i]];
            }
        }
        return new Column<T>(Kind, values, nulls);
    }

    public override Column GatherOrNull(ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        var nulls = typeof(T) == typeof(string) || typeof(T) == typeof(object) ? null : new bool[rows.Length];
        var data = Data;
        var mask = Nulls;
        var fill = typeof(T) == typeof(string) ? (T)(object)"" : default!;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row < 0)
            {
                values[i] = fill;
                if (nulls is not null)
                {
                    nulls[i] = true;
                }
            }
            else
            {
                values[i] = data[row];
                if (nulls is not null && !mask.IsEmpty)
                {
                    nulls[i] = mask[row];
                }
            }
        }
        return new Column<T>(Kind, values, nulls);
    }

    public override Column Relabel(ScalarKind kind) =>
        kind == Kind ? this : new Column<T>(kind, _values, _nulls, _offset, Length);

    public override long EstimatedBytes
    {
        get
        {
            long bytes = (long)_values.Length * (typeof(T) == typeof(string) || typeof(T) == typeof(object) ? 8 : System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            if (typeof(T) == typeof(string))
            {
                // Distinct string objects only once: columns built from repeated values share instances.
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                foreach (var s in _values)
                {
                    if (s is string text && seen.Add(text))
                    {
                        bytes += 22 + (2L * text.Length);
                    }
                }
            }
            return bytes + (_nulls?.Length ?? 0);
        }
    }
}
