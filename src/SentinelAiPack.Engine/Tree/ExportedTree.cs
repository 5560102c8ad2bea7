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

    /// <summary>The query text the tree was exported from (set by <see cref="TreeJson"/>).</summary>
    [JsonIgnore] public string Text { get; set; } = "";

    /// <summary>Milliseconds the analyzer spent parsing and binding, and walking the tree into JSON.</summary>
    [JsonPropertyName("timings")] public ExportTimings? Timings { get; init; }

    /// <summary>Characters of the exported JSON (export cost is roughly proportional to it).</summary>
    [JsonIgnore] public int JsonLength { get; set; }

    /// <summary>True when the tree was read from <see cref="TreeCache"/> rather than exported by the analyzer.</summary>
    [JsonIgnore] public bool FromCache { get; set; }

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

/// <summary>Where an export's time went inside the script engine.</summary>
public sealed class ExportTimings
{
    [JsonPropertyName("analyzeMs")] public double AnalyzeMilliseconds { get; init; }

    [JsonPropertyName("exportMs")] public double ExportMilliseconds { get; init; }
}
