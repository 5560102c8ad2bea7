using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-keep</c>: only the matched columns, in input order.</summary>
internal sealed class ProjectKeepOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectKeepOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        ColumnPatterns.Filter(node, input!, context, matched => matched);
}
