using System.Text.Json.Serialization;

namespace SentinelAiPack.Engine.Tree;

/// <summary>The shim's <c>exportTree</c> answer: diagnostics, interned tabular schemas and the bound tree.</summary>
public sealed class ExportedTree
{
    [JsonPropertyName("diagnostics")] public IReadOnlyList<TreeDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>How many of the diagnostics are syntax errors (the rest come from binding names and types).</summary>
    [JsonPropertyName("syntaxErrors")] public int SyntaxErrorCount { get; init; }

    /// <summary>Tabular result types: each is a list of [name, type] pairs.</summary>
    [JsonPropertyName("schemas")] public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Schemas { get; init; } = [];

    [JsonPropertyName("root")] public TreeNode Root { get; init; } = new();

    /// <summary>The query text the tree was exported from (set by <see cref="TreeExporter"/>).</summary>
    [JsonIgnore] public string Text { get; set; } = "";

    [JsonIgnore] public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>An analyzer diagnostic (KSxxx code) with its position in the query text.</summary>
public sealed class TreeDiagnostic
{
    [JsonPropertyName("code")] public string Code { get; init; } = "";

    [JsonPropertyName("severity")] public string Severity { get; init; } = "";

    [JsonPropertyName("message")] public string Message { get; init; } = "";

    [JsonPropertyName("start")] public int Start { get; init; }

    [JsonPropertyName("length")] public int Length { get; init; }

    [JsonIgnore] public bool IsError => Severity == "error";
}
