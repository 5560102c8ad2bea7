namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// What one schema file defines. <see cref="AliasName"/> is set when a table file's inner <c>Name</c> differs from
/// its file name: the table is registered under its inner name and, unless some source defines a table with the
/// alias name, also under the file name (see <see cref="SchemaSetBuilder"/>).
/// </summary>
public sealed record SchemaFile(string FilePath)
{
    public IReadOnlyList<TableSchema> Tables { get; init; } = [];

    public IReadOnlyList<FunctionSchema> Functions { get; init; } = [];

    public string? AliasName { get; init; }
}
