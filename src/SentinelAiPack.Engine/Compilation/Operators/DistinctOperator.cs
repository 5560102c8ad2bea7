using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>distinct a, b</c> or <c>distinct *</c>.</summary>
internal sealed class DistinctOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["DistinctOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var row = new RowContext(schema);
        var items = node.ListItems("Expressions");
        var exprs = new List<ScalarExpr>();
        var columns = new List<ColumnInfo>();
        foreach (var item in items)
        {
            if (item.Kind == "StarExpression")
            {
                for (var i = 0; i < schema.Count; i++)
                {
                    exprs.Add(new ColumnRefExpr(i, schema[i].Kind, schema[i].Name));
                    columns.Add(schema[i]);
                }
                continue;
            }
            var named = item.Kind == "SimpleNamedExpression";
            var expr = context.Scalars.Compile(named ? item.Required("Expression") : item, row);
            exprs.Add(expr);
            columns.Add(new ColumnInfo(named ? ScalarCompiler.NameText(item.Required("Name")) : ScalarCompiler.NameText(item), expr.Kind));
        }
        return Conform.To(new DistinctPlan(input, exprs, new RowSchema(columns)), context.AnalyzerColumns(node));
    }
}
