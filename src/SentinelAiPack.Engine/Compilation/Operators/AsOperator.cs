using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>as Name</c>: names the intermediate result (used by visualizations); the rows pass through.</summary>
internal sealed class AsOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["AsOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) => input!;
}
