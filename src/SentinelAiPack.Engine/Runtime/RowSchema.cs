namespace SentinelAiPack.Engine.Runtime;

/// <summary>A column's name and kind.</summary>
public sealed record ColumnInfo(string Name, ScalarKind Kind)
{
    public override string ToString() => $"{Name}:{Kind.Name()}";
}

/// <summary>The ordered columns of a table. Column names are case-sensitive, as in Kusto.</summary>
public sealed class RowSchema
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public RowSchema(IEnumerable<ColumnInfo> columns)
    {
        Columns = columns.ToArray();
        for (var i = 0; i < Columns.Count; i++)
        {
            _index.TryAdd(Columns[i].Name, i);
        }
    }

    public static RowSchema Empty { get; } = new([]);

    public IReadOnlyList<ColumnInfo> Columns { get; }

    public int Count => Columns.Count;

    public ColumnInfo this[int index] => Columns[index];

    /// <summary>The index of the named column, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    public bool Contains(string name) => _index.ContainsKey(name);

    public override string ToString() => "(" + string.Join(", ", Columns) + ")";
}
