using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>as Name</c>: the rows pass through, and the rest of the query can refer to them by that name
/// (<c>T | as X | join (X | ...) on k</c>); computed once per run like a <c>let</c> or <c>materialize</c>.
/// </summary>
internal sealed class AsOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["AsOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var named = new CachedPlan(input!);
        context.Scope.Bind(ScalarCompiler.NameText(node.Required("Name")), new TabularBinding(named));
        return named;
    }
}
