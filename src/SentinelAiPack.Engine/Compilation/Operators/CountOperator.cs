using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>count</c>: one row, column <c>Count</c> (or the name given with <c>as</c>).</summary>
internal sealed class CountOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["CountOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var name = context.AnalyzerColumns(node) is [var only] ? only.Name : "Count";
        return new CountPlan(input!, new RowSchema([new ColumnInfo(name, ScalarKind.Long)]));
    }
}
