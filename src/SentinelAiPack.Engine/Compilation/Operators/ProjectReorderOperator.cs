using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-reorder</c>: the matched columns first (sorted by name when asc/desc is given), then the rest.</summary>
internal sealed class ProjectReorderOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectReorderOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var order = new List<int>();
        foreach (var item in node.ListItems("Expressions"))
        {
            var matched = ColumnPatterns.Match(schema, ColumnPatterns.Text(item)).Where(i => !order.Contains(i));
            var direction = item.Child("Ordering")?.Child("AscOrDescKeyword")?.Text;
            matched = direction switch
            {
                "asc" or "granny-asc" => matched.OrderBy(i => schema[i].Name, StringComparer.Ordinal),
                "desc" or "granny-desc" => matched.OrderByDescending(i => schema[i].Name, StringComparer.Ordinal),
                _ => matched,
            };
            order.AddRange(matched.ToArray());
        }
        order.AddRange(Enumerable.Range(0, schema.Count).Where(i => !order.Contains(i)));
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(order.Select(i => (schema[i].Name, i)));
        return builder.Build(node);
    }
}
