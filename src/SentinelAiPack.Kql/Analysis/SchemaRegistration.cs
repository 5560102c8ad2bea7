using System.Text.Json;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql;

/// <summary>Turns a <see cref="SchemaSet"/> into the <c>registerSchema</c> request, keyed by its fingerprint.</summary>
internal static class SchemaRegistration
{
    public static string ToJson(SchemaSet schemas) =>
        JsonSerializer.Serialize(ToRequest(schemas), ShimJson.Default.RegisterSchemaRequest);

    public static RegisterSchemaRequest ToRequest(SchemaSet schemas) => new(
        schemas.Fingerprint,
        schemas.Tables.Select(t => new ShimTable(t.Name, Columns(t.Columns))).ToArray(),
        schemas.Functions.Select(ToShim).ToArray());

    public static IReadOnlyList<ShimParameter> Parameters(IEnumerable<FunctionParameter> parameters) =>
        parameters.Select(p => new ShimParameter(p.Name, TypeName(p.Type), p.DefaultValue) { Optional = p.IsOptional }).ToArray();

    private static ShimFunction ToShim(FunctionSchema function) => new(function.Name, Parameters(function.Parameters))
    {
        Body = function.Body,
        OutputColumns = function.Body is null ? Columns(function.OutputColumns ?? []) : null,
        // Without a body or columns nothing is known about the result: accept any column rather than report false errors.
        OpenOutput = function.IsOpenOutput || (function.Body is null && function.OutputColumns is null),
    };

    private static ShimColumn[] Columns(IEnumerable<ColumnSchema> columns) =>
        columns.Select(c => new ShimColumn(c.Name, TypeName(c.Type))).ToArray();

    // Schema files spell types many ways (String, DateTime, BigInt); unknown spellings go through as written and the
    // shim reports them in its problems list.
    private static string TypeName(string type) => KustoType.Normalize(type) ?? type;
}
