using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>datatable(a:long, b:string) [1, "x", ...]</c>: built once at compile time.</summary>
internal static class DataTableOperator
{
    public static TabularPlan Compile(TreeNode node, CompileContext context)
    {
        var declared = node.Required("Schema").ListItems("Columns");
        var columns = declared.Select(c => new ColumnInfo(
            ScalarCompiler.NameText(c.Required("Name")),
            ScalarKinds.FromName(c.Required("Type").Tokens().FirstOrDefault()?.Text))).ToArray();
        var schema = new RowSchema(columns);
        var values = node.ListItems("Values");
        if (columns.Length == 0 || values.Count % columns.Length != 0)
        {
            throw new EngineCompileException($"datatable has {values.Count} values for {columns.Length} columns");
        }
        var builders = columns.Select(c => ColumnBuilder.Create(c.Kind, values.Count / columns.Length)).ToArray();
        for (var i = 0; i < values.Count; i++)
        {
            var value = context.Scalars.Compile(values[i], RowContext.None);
            if (!value.IsConstant)
            {
                throw new EngineCompileException("datatable values must be constants");
            }
            builders[i % columns.Length].Add(Values.ConvertTo(value.ValueFor(null!), columns[i % columns.Length].Kind));
        }
        return new FixedTablePlan(new Table(schema, builders.Select(b => b.Build()).ToArray()));
    }
}
