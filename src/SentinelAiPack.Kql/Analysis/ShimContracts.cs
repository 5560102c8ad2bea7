using System.Text.Json.Serialization;

namespace SentinelAiPack.Kql;

// The JSON exchanged with the shim handlers (Shim/10-schema.js, Shim/20-analyze.js). One JSON string per call is
// far cheaper than reading live JS objects from .NET (4–10 µs per property read).

internal sealed record ShimColumn(string Name, string Type);

internal sealed record ShimTable(string Name, IReadOnlyList<ShimColumn> Columns);

internal sealed record ShimParameter(string Name, string Type, [property: JsonPropertyName("default")] string? Default)
{
    /// <summary>May be left out of a call (a default, or <c>IsRequired: false</c> without one).</summary>
    public bool Optional { get; init; }
}

internal sealed record ShimFunction(string Name, IReadOnlyList<ShimParameter> Parameters)
{
    public string? Body { get; init; }
    public IReadOnlyList<ShimColumn>? OutputColumns { get; init; }
    public bool OpenOutput { get; init; }
}

internal sealed record RegisterSchemaRequest(string Key, IReadOnlyList<ShimTable> Tables, IReadOnlyList<ShimFunction> Functions);

internal sealed record RegisterSchemaResponse(string Key, int Tables, int Functions, IReadOnlyList<string> Problems);

internal sealed record ShimQuery(string Id, string Text, string Mode, bool WantOutput, bool WantReferences, bool WantBestPractices)
{
    public IReadOnlyList<ShimParameter>? Parameters { get; init; }
}

internal sealed record AnalyzeRequest(string? SchemaKey, IReadOnlyList<ShimQuery> Queries)
{
    /// <summary>False builds the editor completion grammar as Kusto.Language normally does (for the equivalence test).</summary>
    public bool GrammarSkip { get; init; } = true;
}

internal sealed record AnalyzeResponse(IReadOnlyList<KqlAnalysis> Results);

internal sealed record BenchLoopRequest(string? SchemaKey, IReadOnlyList<string> Texts, string Mode)
{
    public bool GrammarSkip { get; init; } = true;
}

/// <summary>What the shim's bare analyzer loop measured and counted inside JavaScript.</summary>
public sealed record KqlBenchLoopResult(double ElapsedMs, int SyntaxClean, int DiagnosticCount);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterSchemaRequest))]
[JsonSerializable(typeof(RegisterSchemaResponse))]
[JsonSerializable(typeof(AnalyzeRequest))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(BenchLoopRequest))]
[JsonSerializable(typeof(KqlBenchLoopResult))]
[JsonSerializable(typeof(KqlAnalysis))]
internal sealed partial class ShimJson : JsonSerializerContext;
