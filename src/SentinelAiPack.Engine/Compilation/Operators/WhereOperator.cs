using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>where</c> (and its alias <c>filter</c>): keeps rows whose condition is true.</summary>
internal sealed class WhereOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["FilterOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var row = new RowContext(input!.Schema);
        var condition = context.Scalars.Coerce(context.Scalars.Compile(node.Required("Condition"), row), ScalarKind.Bool);
        return new WherePlan(input, condition);
    }
}
