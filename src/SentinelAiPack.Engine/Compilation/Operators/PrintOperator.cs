using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>print a = expr, ...</c>: a single row; unnamed columns get the analyzer's names (print_0, ...).</summary>
internal sealed class PrintOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["PrintOperator"];

    public bool NeedsInput => false;

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var analyzer = context.AnalyzerColumns(node);
        var exprs = new List<ScalarExpr>();
        var columns = new List<ColumnInfo>();
        var items = node.ListItems("Expressions");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var named = item.Kind == "SimpleNamedExpression";
            var expr = context.Scalars.Compile(named ? item.Required("Expression") : item, RowContext.None);
            var name = named ? ScalarCompiler.NameText(item.Required("Name"))
                : analyzer is not null && i < analyzer.Count ? analyzer[i].Name : "print_" + i;
            exprs.Add(expr);
            columns.Add(new ColumnInfo(name, expr.Kind));
        }
        return new PrintPlan(exprs, new RowSchema(columns));
    }
}
