using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>extend</c>: adds computed columns; a name that exists replaces that column in place.</summary>
internal sealed class ExtendOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ExtendOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var builder = new ProjectionBuilder(input!, context);
        var output = input!.Schema.Columns.Select((c, i) => (c.Name, Index: i)).ToList();
        var items = node.ListItems("Expressions");
        var analyzer = context.AnalyzerColumns(node);
        var generated = 0;
        foreach (var item in items)
        {
            var (name, expr) = builder.Item(item);
            name ??= GeneratedName(item, analyzer, input.Schema.Count + generated);
            var existing = output.FindIndex(o => o.Name == name);
            var index = builder.Compute(name, expr);
            if (existing >= 0)
            {
                output[existing] = (name, index);
            }
            else
            {
                output.Add((name, index));
                generated++;
            }
        }
        builder.OutputAll(output);
        return builder.Build(node);
    }

    /// <summary>An unnamed expression's column: the name the analyzer gave the new column at this position.</summary>
    private static string GeneratedName(TreeNode item, IReadOnlyList<(string Name, Runtime.ScalarKind? Kind)>? analyzer, int position) =>
        analyzer is not null && position < analyzer.Count ? analyzer[position].Name : ScalarCompiler.NameText(item);
}
