namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// An immutable in-memory table: a schema, a row count and one column per schema entry. Columns may be
/// deferred (e.g. the rows a filter kept are gathered only for the columns later operators read).
/// </summary>
public sealed class Table
{
    private readonly Column?[] _columns;
    private readonly Func<Column>?[]? _deferred;

    public Table(RowSchema schema, IReadOnlyList<Column> columns)
    {
        if (columns.Count != schema.Count)
        {
            throw new ArgumentException($"{columns.Count} columns for a schema of {schema.Count}", nameof(columns));
        }
        Schema = schema;
        _columns = columns.ToArray();
        RowCount = columns.Count > 0 ? columns[0].Length : 0;
        foreach (var column in columns)
        {
            if (column.Length != RowCount)
            {
                throw new ArgumentException("columns have different lengths", nameof(columns));
            }
        }
    }

    /// <summary>A table whose columns are produced on first use.</summary>
    public Table(RowSchema schema, int rowCount, IReadOnlyList<Func<Column>> deferred)
    {
        Schema = schema;
        RowCount = rowCount;
        _columns = new Column?[schema.Count];
        _deferred = deferred.ToArray();
    }

    public RowSchema Schema { get; }

    public int RowCount { get; }

    public Column Column(int index)
    {
        var column = _columns[index];
        if (column is null)
        {
            column = _deferred![index]!();
            _columns[index] = column;
            _deferred![index] = null;
        }
        return column;
    }

    /// <summary>The same column object as <see cref="Column(int)"/> without forcing it; used to pass deferred columns through.</summary>
    public Func<Column> ColumnSource(int index)
    {
        var column = _columns[index];
        if (column is not null)
        {
            return () => column;
        }
        return () => Column(index);
    }

    public Column Column(string name)
    {
        var index = Schema.IndexOf(name);
        return index >= 0 ? Column(index) : throw new KeyNotFoundException($"no column '{name}'");
    }

    public static Table Empty(RowSchema schema) =>
        new(schema, schema.Columns.Select(c => ColumnBuilder.Create(c.Kind, 0).Build()).ToArray());

    /// <summary>Rows [start, start+count) sharing storage.</summary>
    public Table Slice(int start, int count)
    {
        if (start == 0 && count == RowCount)
        {
            return this;
        }
        var sources = Enumerable.Range(0, Schema.Count)
            .Select(i => (Func<Column>)(() => Column(i).Slice(start, count))).ToArray();
        return new Table(Schema, count, sources);
    }

    /// <summary>The given rows (indexes into this table), gathered lazily per column.</summary>
    public Table Gather(int[] rows)
    {
        if (rows.Length == RowCount && IsIdentity(rows))
        {
            return this;
        }
        var sources = Enumerable.Range(0, Schema.Count)
            .Select(i => (Func<Column>)(() => Column(i).Gather(rows))).ToArray();
        return new Table(Schema, rows.Length, sources);
    }

    private static bool IsIdentity(int[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The boxed value at a row and column.</summary>
    public object? GetValue(int row, int column) => Column(column).GetValue(row);

    /// <summary>Rows as boxed values, for output and tests.</summary>
    public IEnumerable<object?[]> Rows()
    {
        var columns = Enumerable.Range(0, Schema.Count).Select(Column).ToArray();
        for (var row = 0; row < RowCount; row++)
        {
            var values = new object?[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = columns[c].GetValue(row);
            }
            yield return values;
        }
    }

    /// <summary>Builds a table from boxed rows, converting each value to its column's kind.</summary>
    public static Table FromRows(RowSchema schema, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var builders = schema.Columns.Select(c => ColumnBuilder.Create(c.Kind)).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < builders.Length; c++)
            {
                builders[c].Add(c < row.Count ? row[c] : null);
            }
        }
        return new Table(schema, builders.Select(b => b.Build()).ToArray());
    }

    public long EstimatedBytes => Enumerable.Range(0, Schema.Count).Sum(i => Column(i).EstimatedBytes);
}
