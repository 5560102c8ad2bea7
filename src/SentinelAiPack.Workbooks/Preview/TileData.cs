namespace SentinelAiPack.Workbooks.Preview;

/// <summary>A result column: name and Kusto type (<c>string</c>, <c>long</c>, <c>real</c>, <c>datetime</c>, ...).</summary>
public sealed record ResultColumn(string Name, string Type)
{
    public bool IsNumeric => Type is "int" or "long" or "real" or "decimal" or "double";

    public bool IsDateTime => Type == "datetime";
}

/// <summary>
/// What one tile query returned. Cells are .NET values (string, long, double, bool, DateTime, TimeSpan, JSON text for
/// dynamic) or null; all of it is data from logs and is treated as hostile when rendered.
/// </summary>
public sealed record TileData(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static TileData Empty { get; } = new([], []);
}
