using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project</c>: the listed columns and computed expressions, in order; bare column references pass through.</summary>
internal sealed class ProjectOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var builder = new ProjectionBuilder(input!, context);
        var analyzer = context.AnalyzerColumns(node);
        var items = node.ListItems("Expressions");
        var output = new List<(string Name, int Index)>();
        foreach (var item in items)
        {
            foreach (var (declared, expr) in builder.Items(item))
            {
                if (declared is null && expr is ColumnRefExpr column)
                {
                    output.Add((column.Name, column.Index));
                    continue;
                }
                var position = output.Count;
                var name = declared ?? (analyzer is not null && position < analyzer.Count ? analyzer[position].Name : ScalarCompiler.NameText(item));
                output.Add((name, builder.Compute(name, expr)));
            }
        }
        builder.OutputAll(output);
        return builder.Build(node);
    }
}
