using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>top N by expr</c>: the first N rows in sort order (same defaults as sort).</summary>
internal sealed class TopOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["TopOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var row = new RowContext(input!.Schema);
        var count = context.Scalars.Compile(node.Required("Expression"), RowContext.None);
        var key = SortOperator.Key(node.Required("ByExpression"), row, context);
        return new SortPlan(input, [key], count);
    }
}
