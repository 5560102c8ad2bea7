using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>serialize [name = expr, ...]</c>: marks the row order as fixed (the engine always keeps order) and, like extend,
/// may add columns such as <c>row_number()</c>.
/// </summary>
internal sealed class SerializeOperator : IOperatorCompiler
{
    private readonly ExtendOperator _extend = new();

    public IReadOnlyList<string> Kinds { get; } = ["SerializeOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        node.ListItems("Expressions").Count == 0 ? input! : _extend.Compile(node, input, context);
}
