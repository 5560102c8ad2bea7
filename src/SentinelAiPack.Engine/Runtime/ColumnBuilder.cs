namespace SentinelAiPack.Engine.Runtime;

/// <summary>Appends values of one kind and builds a <see cref="Column"/>. Boxed input follows <see cref="Column.GetValue"/>.</summary>
public abstract class ColumnBuilder
{
    protected ColumnBuilder(ScalarKind kind) => Kind = kind;

    public ScalarKind Kind { get; }

    public abstract int Count { get; }

    /// <summary>Adds a boxed value; values of another CLR type are converted with Kusto's conversion rules.</summary>
    public abstract void Add(object? value);

    public abstract void AddNull();

    public abstract Column Build();

    public static ColumnBuilder Create(ScalarKind kind, int capacity = 16) => kind switch
    {
        ScalarKind.Bool => new ColumnBuilder<bool>(kind, capacity, v => Values.ToBool(v)),
        ScalarKind.Int => new ColumnBuilder<long>(kind, capacity, v => Values.ToInt(v)),
        ScalarKind.Long => new ColumnBuilder<long>(kind, capacity, v => Values.ToLong(v)),
        ScalarKind.DateTime => new ColumnBuilder<long>(kind, capacity, v => Values.ToDateTimeTicks(v)),
        ScalarKind.TimeSpan => new ColumnBuilder<long>(kind, capacity, v => Values.ToTimeSpanTicks(v)),
        ScalarKind.Real => new ColumnBuilder<double>(kind, capacity, v => Values.ToReal(v)),
        ScalarKind.Decimal => new ColumnBuilder<decimal>(kind, capacity, v => Values.ToDecimal(v)),
        ScalarKind.Guid => new ColumnBuilder<Guid>(kind, capacity, v => Values.ToGuid(v)),
        ScalarKind.String => new StringColumnBuilder(capacity),
        _ => new DynamicColumnBuilder(capacity),
    };
}

/// <summary>Builder for value-type storage with a lazily created null mask.</summary>
public sealed class ColumnBuilder<T>(ScalarKind kind, int capacity, Func<object?, T?> convert) : ColumnBuilder(kind)
    where T : struct
{
    private T[] _values = new T[Math.Max(capacity, 4)];
    private bool[]? _nulls;
    private int _count;

    public override int Count => _count;

    public void AddValue(T value)
    {
        Grow();
        _values[_count++] = value;
    }

    public override void AddNull()
    {
        Grow();
        _nulls ??= new bool[_values.Length];
        _nulls[_count++] = true;
    }

    public override void Add(object? value)
    {
        var converted = value is T typed ? typed : convert(value);
        if (converted is { } v)
        {
            AddValue(v);
        }
        else
        {
            AddNull();
        }
    }

    public override Column Build()
    {
        Array.Resize(ref _values, _count);
        if (_nulls is not null)
        {
            Array.Resize(ref _nulls, _count);
        }
        return new Column<T>(Kind, _values, _nulls);
    }

    private void Grow()
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            if (_nulls is not null)
            {
                Array.Resize(ref _nulls, _values.Length);
            }
        }
    }
}

/// <summary>Strings are never null in Kusto: a missing value is the empty string.</summary>
public sealed class StringColumnBuilder(int capacity) : ColumnBuilder(ScalarKind.String)
{
    private string[] _values = new string[Math.Max(capacity, 4)];
    private int _count;

    public override int Count => _count;

    public void AddValue(string value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }
        _values[_count++] = value;
    }

    public override void Add(object? value) => AddValue(value as string ?? Values.ToKustoString(value));

    public override void AddNull() => AddValue("");

    public override Column Build()
    {
        Array.Resize(ref _values, _count);
        return new Column<string>(ScalarKind.String, _values);
    }
}

/// <summary>Dynamic values: null is a null reference.</summary>
public sealed class DynamicColumnBuilder(int capacity) : ColumnBuilder(ScalarKind.Dynamic)
{
    private object?[] _values = new object?[Math.Max(capacity, 4)];
    private int _count;

    public override int Count => _count;

    public override void Add(object? value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }
        _values[_count++] = Dyn.FromValue(value);
    }

    public override void AddNull() => Add(null);

    public override Column Build()
    {
        Array.Resize(ref _values, _count);
        return new Column<object?>(ScalarKind.Dynamic, _values);
    }
}
