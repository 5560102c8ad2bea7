using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-away</c>: every input column except those matched.</summary>
internal sealed class ProjectAwayOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectAwayOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var removed = node.ListItems("Expressions").SelectMany(i => ColumnPatterns.Match(schema, ColumnPatterns.Text(i))).ToHashSet();
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(Enumerable.Range(0, schema.Count).Where(i => !removed.Contains(i)).Select(i => (schema[i].Name, i)));
        return builder.Build(node);
    }
}
