using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>T | invoke f(args)</c>: calls a tabular function with T as its first argument.</summary>
internal sealed class InvokeOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["InvokeOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        context.Tabular.Call(node.Required("Function"), input);
}
