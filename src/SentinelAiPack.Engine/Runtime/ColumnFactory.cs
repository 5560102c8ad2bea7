namespace SentinelAiPack.Engine.Runtime;

/// <summary>Creating and converting columns.</summary>
public static class ColumnFactory
{
    public static Column Constant(ScalarKind kind, object? value, int count)
    {
        value = Values.ConvertTo(value, kind);
        switch (kind)
        {
            case ScalarKind.Bool:
                return Filled(kind, value is bool b && b, value is null, count);
            case ScalarKind.Int or ScalarKind.Long:
                return Filled(kind, value is null ? 0L : System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), value is null, count);
            case ScalarKind.DateTime:
                return Filled(kind, value is DateTime t ? t.Ticks : 0L, value is null, count);
            case ScalarKind.TimeSpan:
                return Filled(kind, value is TimeSpan s ? s.Ticks : 0L, value is null, count);
            case ScalarKind.Real:
                return Filled(kind, value is double d ? d : 0d, value is null, count);
            case ScalarKind.Decimal:
                return Filled(kind, value is decimal m ? m : 0m, value is null, count);
            case ScalarKind.Guid:
                return Filled(kind, value is Guid g ? g : Guid.Empty, value is null, count);
            case ScalarKind.String:
                var strings = new string[count];
                Array.Fill(strings, value as string ?? "");
                return new Column<string>(kind, strings);
            default:
                var objects = new object?[count];
                Array.Fill(objects, value);
                return new Column<object?>(kind, objects);
        }
    }

    private static Column<T> Filled<T>(ScalarKind kind, T value, bool isNull, int count)
    {
        var values = new T[count];
        if (!isNull)
        {
            Array.Fill(values, value);
            return new Column<T>(kind, values);
        }
        var nulls = new bool[count];
        Array.Fill(nulls, true);
        return new Column<T>(kind, values, nulls);
    }

    public static Column Empty(ScalarKind kind) => ColumnBuilder.Create(kind, 0).Build();

    public static Column Nulls(ScalarKind kind, int count) => Constant(kind, null, count);

    /// <summary>Converts a column to another kind (Kusto conversion rules; failures become null).</summary>
    public static Column Convert(Column column, ScalarKind kind)
    {
        if (column.Kind == kind)
        {
            return column;
        }
        switch (column)
        {
            case Column<long> longs when kind == ScalarKind.Long:
                return longs.Relabel(kind);
            case Column<long> longs when kind == ScalarKind.Int:
                return MapLong(longs, kind, v => (long)unchecked((int)v));
            case Column<long> longs when kind == ScalarKind.Real && column.Kind.IsIntegral():
                return Map(longs, kind, v => (double)v);
            case Column<double> reals when kind == ScalarKind.Long:
                return MapNullable(reals, kind, v => Values.ToLong(v));
            case Column<bool> bools when kind.IsIntegral():
                return Map(bools, kind, v => v ? 1L : 0L);
            case Column<long> longs when kind == ScalarKind.String && column.Kind.IsIntegral():
                return ToStrings(longs, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var builder = ColumnBuilder.Create(kind, column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            builder.Add(Values.ConvertTo(column.GetValue(i), kind));
        }
        return builder.Build();
    }

    private static Column Map<TIn, TOut>(Column<TIn> column, ScalarKind kind, Func<TIn, TOut> map)
    {
        var data = column.Data;
        var values = new TOut[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            values[i] = map(data[i]);
        }
        return new Column<TOut>(kind, values, column.HasNulls ? column.Nulls.ToArray() : null);
    }

    private static Column MapLong(Column<long> column, ScalarKind kind, Func<long, long> map) => Map(column, kind, map);

    private static Column MapNullable<TIn, TOut>(Column<TIn> column, ScalarKind kind, Func<TIn, TOut?> map)
        where TOut : struct
    {
        var data = column.Data;
        var nullsIn = column.Nulls;
        var values = new TOut[data.Length];
        bool[]? nulls = null;
        for (var i = 0; i < data.Length; i++)
        {
            var result = !nullsIn.IsEmpty && nullsIn[i] ? null : map(data[i]);
            if (result is { } v)
            {
                values[i] = v;
            }
            else
            {
                nulls ??= new bool[data.Length];
                nulls[i] = true;
            }
        }
        return new Column<TOut>(kind, values, nulls);
    }

    private static Column ToStrings<T>(Column<T> column, Func<T, string> format)
    {
        var data = column.Data;
        var nulls = column.Nulls;
        var values = new string[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            values[i] = !nulls.IsEmpty && nulls[i] ? "" : format(data[i]);
        }
        return new Column<string>(ScalarKind.String, values);
    }
}
