using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>range x from a to b step s</c>: a one-column table of values.</summary>
internal sealed class RangeOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["RangeOperator"];

    public bool NeedsInput => false;

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var from = context.Scalars.Compile(node.Required("From"), RowContext.None);
        var to = context.Scalars.Compile(node.Required("To"), RowContext.None);
        var step = context.Scalars.Compile(node.Required("Step"), RowContext.None);
        var name = ScalarCompiler.NameText(node.Required("Name"));
        var kind = context.AnalyzerColumns(node) is [var only] && only.Kind is { } k ? k : from.Kind;
        return new RangePlan(from, to, step, new RowSchema([new ColumnInfo(name, kind)]));
    }
}
