using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-away</c>: every input column except those matched.</summary>
internal sealed class ProjectAwayOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectAwayOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        ColumnPatterns.Filter(node, input!, context, matched => !matched);
}
