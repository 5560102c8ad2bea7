using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>externaldata(col:type, ...) [uri, ...] with (format=..., ignoreFirstRecord=...)</c>: reads local copies
/// of the URIs (the engine is offline). Formats: csv (default), tsv, txt, json, multijson.
/// </summary>
internal static class ExternalDataOperator
{
    public static TabularPlan Compile(TreeNode node, CompileContext context)
    {
        var schema = new RowSchema(node.Required("Schema").ListItems("Columns").Select(c => new ColumnInfo(
            ScalarCompiler.NameText(c.Required("Name")),
            ScalarKinds.FromName(c.Required("Type").Tokens().FirstOrDefault()?.Text))));
        var uris = node.ListItems("URIs").Select(u => Values.ToKustoString(context.Scalars.Compile(u, RowContext.None).ValueFor(null!))).ToArray();
        string? format = null;
        var skipFirst = false;
        foreach (var property in node.Child("WithClause")?.ListItems("Properties") ?? [])
        {
            var name = string.Concat(property.Required("Name").Tokens().Select(t => t.Text)).ToLowerInvariant();
            var value = Values.ToKustoString(context.Scalars.Compile(property.Required("Expression"), RowContext.None).ValueFor(null!));
            switch (name)
            {
                case "format":
                    format = value.ToLowerInvariant();
                    break;
                case "ignorefirstrecord":
                    skipFirst = Values.ToBool(value) == true;
                    break;
            }
        }
        var tableFormat = format switch
        {
            null or "csv" => skipFirst ? TableFormat.CsvSkipFirst : TableFormat.CsvNoHeader,
            "tsv" or "tsve" => TableFormat.Tsv,
            "txt" or "raw" => TableFormat.Text,
            "json" => TableFormat.JsonArray,
            "multijson" => TableFormat.JsonLines,
            _ => throw EngineCompileException.NotSupported("externaldata format", format),
        };
        return new ExternalDataPlan(uris, tableFormat, schema);
    }
}
