namespace SentinelAiPack.Engine.Runtime;

/// <summary>Concatenates columns of one kind (batch results into a full column, union inputs).</summary>
public static class ColumnConcat
{
    public static Column Concat(ScalarKind kind, IReadOnlyList<Column> parts)
    {
        if (parts.Count == 1 && parts[0].Kind == kind)
        {
            return parts[0];
        }
        var converted = parts.Select(p => ColumnFactory.Convert(p, kind)).ToArray();
        return kind switch
        {
            ScalarKind.Bool => Typed<bool>(kind, converted),
            ScalarKind.Real => Typed<double>(kind, converted),
            ScalarKind.Decimal => Typed<decimal>(kind, converted),
            ScalarKind.Guid => Typed<Guid>(kind, converted),
            ScalarKind.String => Typed<string>(kind, converted),
            ScalarKind.Dynamic => Typed<object?>(kind, converted),
            _ => Typed<long>(kind, converted),
        };
    }

    private static Column Typed<T>(ScalarKind kind, Column[] parts)
    {
        var total = parts.Sum(p => p.Length);
        var values = new T[total];
        bool[]? nulls = null;
        var at = 0;
        foreach (var part in parts.Cast<Column<T>>())
        {
            part.Data.CopyTo(values.AsSpan(at));
            if (part.HasNulls)
            {
                nulls ??= new bool[total];
                part.Nulls.CopyTo(nulls.AsSpan(at));
            }
            at += part.Length;
        }
        return new Column<T>(kind, values, nulls);
    }
}
