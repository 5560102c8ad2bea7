using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>The expanded expressions of mv-expand / mv-apply: <c>Col</c>, <c>Name = expr</c>, each optionally <c>to typeof(T)</c>.</summary>
internal static class MvItems
{
    public static MvExpansion Compile(TreeNode node, RowSchema input, CompileContext context, long limit)
    {
        var row = new RowContext(input);
        var items = new List<MvItem>();
        foreach (var item in node.ListItems("Expressions"))
        {
            var expression = item.Child("Expression") ?? item;
            string name;
            TreeNode valueNode;
            if (expression.Kind == "SimpleNamedExpression")
            {
                name = ScalarCompiler.NameText(expression.Required("Name"));
                valueNode = expression.Required("Expression");
            }
            else
            {
                name = ScalarCompiler.NameText(expression);
                valueNode = expression;
            }
            var value = context.Scalars.Coerce(context.Scalars.Compile(valueNode, row), ScalarKind.Dynamic);
            var typeName = item.Child("ToTypeOf")?.Required("TypeOf").Tokens().Select(t => t.Text).LastOrDefault(t => t is not ("typeof" or ""));
            var kind = typeName is null ? ScalarKind.Dynamic : ScalarKinds.FromName(typeName);
            items.Add(new MvItem(name, value, kind, input.IndexOf(name)));
        }
        var bagMode = OperatorParameters.Get(node, "kind") ?? OperatorParameters.Get(node, "bagexpansion");
        return new MvExpansion(items, string.Equals(bagMode, "array", StringComparison.OrdinalIgnoreCase), limit);
    }

    /// <summary>The rows of the expanded table: input columns (expanded ones with their new kind), new columns, then the index column.</summary>
    public static List<ColumnInfo> Columns(RowSchema input, MvExpansion expansion, string? indexName)
    {
        var columns = input.Columns.ToList();
        foreach (var item in expansion.Items)
        {
            if (item.Replaces >= 0)
            {
                columns[item.Replaces] = new ColumnInfo(item.Name, item.Kind);
            }
        }
        columns.AddRange(expansion.Items.Where(i => i.Replaces < 0).Select(i => new ColumnInfo(i.Name, i.Kind)));
        if (indexName is not null)
        {
            columns.Add(new ColumnInfo(indexName, ScalarKind.Long));
        }
        return columns;
    }

    public static long Limit(TreeNode? clause, CompileContext context)
    {
        if (clause is null)
        {
            return int.MaxValue;
        }
        var value = context.Scalars.Compile(clause.Required("RowLimit"), RowContext.None);
        return Values.ToLong(value.ValueFor(null!)) ?? int.MaxValue;
    }
}
