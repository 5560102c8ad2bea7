namespace SentinelAiPack.Content.Schemas;

/// <summary>A column of a table or of a function's output. Type is a Kusto scalar type name (see <see cref="KustoType"/>).</summary>
public sealed record ColumnSchema(string Name, string Type)
{
    /// <summary>Documentation (meaning, example, origin) where the schema file carries it.</summary>
    public string? Description { get; init; }
}

/// <summary>A Log Analytics table as the KQL analyzer and the local engine see it.</summary>
public sealed record TableSchema(string Name, IReadOnlyList<ColumnSchema> Columns)
{
    /// <summary>The file the schema came from, for messages.</summary>
    public string? SourcePath { get; init; }

    public string? Description { get; init; }
}
