using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>render</c>: a visualization hint for clients; the rows pass through unchanged.</summary>
internal sealed class RenderOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["RenderOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) => input!;
}
