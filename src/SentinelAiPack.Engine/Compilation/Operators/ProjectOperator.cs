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
        for (var i = 0; i < items.Count; i++)
        {
            var (name, expr) = builder.Item(items[i]);
            var fallback = analyzer is not null && i < analyzer.Count ? analyzer[i].Name : ScalarCompiler.NameText(items[i]);
            if (name is null && expr is ColumnRefExpr column)
            {
                output.Add((column.Name, column.Index));
                continue;
            }
            name ??= fallback;
            output.Add((name, builder.Compute(name, expr)));
        }
        builder.OutputAll(output);
        return builder.Build(node);
    }
}
