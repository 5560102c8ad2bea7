namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// A parameter of a workspace function: name, Kusto type and optional default value as KQL literal text. A parameter
/// with a default, or declared <c>IsRequired: false</c> in a schema file, may be left out of a call.
/// </summary>
public sealed record FunctionParameter(string Name, string Type, string? DefaultValue = null)
{
    public bool IsOptional { get; init; } = DefaultValue is not null;
}

/// <summary>
/// A workspace function (a parser, a saved function, _GetWatchlist). Either <see cref="Body"/> is known
/// (the analyzer binds it and computes the output schema) or only <see cref="OutputColumns"/> are.
/// <see cref="IsOpenOutput"/> marks outputs that may carry more columns than listed (watchlists).
/// </summary>
public sealed record FunctionSchema(string Name, IReadOnlyList<FunctionParameter> Parameters)
{
    public string? Body { get; init; }

    public IReadOnlyList<ColumnSchema>? OutputColumns { get; init; }

    public bool IsOpenOutput { get; init; }

    public string? SourcePath { get; init; }
}
