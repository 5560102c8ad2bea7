using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>take N</c> / <c>limit N</c>: the first N rows (Kusto returns any N; the engine keeps input order).</summary>
internal sealed class TakeOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["TakeOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        new TakePlan(input!, context.Scalars.Compile(node.Required("Expression"), RowContext.None));
}
